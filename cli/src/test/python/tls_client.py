"""Runs the seed's client (seed_game.py) unchanged over TLS: Python's ssl module wraps the socket
it connects, trusting the CA file named by HOTCOLD_TLS_CA. Same arguments as seed_game.py client."""
import os
import socket
import ssl
import sys

import seed_game

_plain_connect = socket.create_connection


def _tls_connect(address, *args, **kwargs):
    context = ssl.create_default_context(cafile=os.environ["HOTCOLD_TLS_CA"])
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    return context.wrap_socket(_plain_connect(address, *args, **kwargs), server_hostname=address[0])


seed_game.socket.create_connection = _tls_connect

if __name__ == "__main__":
    seed_game.main(sys.argv)
