"""The seed's guess-the-number server and client (Effective Python, item 76), rewritten from the
book's description for hotcold's interoperability tests. Blocking sockets, a thread per
connection, the same commands and the same printed transcript as the book's programs.

    python3 seed_game.py server HOST PORT [--quiet]
                                               prints "listening on HOST:PORT" (PORT 0: any free
                                               port), then "Server: N is D" for every report
                                               (not with --quiet); a thread per connection
    python3 seed_game.py async-server HOST PORT [--quiet]
                                               the same server on an asyncio event loop, as the
                                               book ports it
    python3 seed_game.py client HOST PORT [LOWER UPPER SECRET]
                                               plays the book's three games (or one) and prints
                                               the client's transcript
"""

import asyncio
import math
import random
import socket
import sys
import threading

DECISIONS = ("Warmer", "Colder", "Same", "Unsure", "Correct")


class LineChannel:
    """Sends and receives one command per line over a connected socket."""

    def __init__(self, sock):
        self.sock = sock
        self.reader = sock.makefile("rb")

    def send(self, text):
        self.sock.sendall((text + "\n").encode())

    def receive(self):
        raw = self.reader.readline()
        if not raw:
            raise EOFError("connection closed")
        return raw.rstrip(b"\n").decode()


class GuessingRules:
    """The server's side of one game, apart from any I/O: guesses at random, never twice in a
    game. answer() takes one command line and returns the reply line, or None."""

    def __init__(self, lock, quiet):
        self.print_lock = lock
        self.quiet = quiet
        self.reset()

    def reset(self):
        self.low = self.high = self.secret = None
        self.tried = []

    def answer(self, line):
        words = line.split(" ")
        if words[0] == "PARAMS" and len(words) == 3:
            self.reset()
            self.low, self.high = int(words[1]), int(words[2])
        elif words == ["NUMBER"]:
            guess = self.secret if self.secret is not None else self.fresh_guess()
            self.tried.append(guess)
            return str(guess)
        elif words[0] == "REPORT" and len(words) == 2:
            last = self.tried[-1]
            if words[1] == "Correct":
                self.secret = last
            if not self.quiet:
                with self.print_lock:
                    print(f"Server: {last} is {words[1]}", flush=True)
        elif words == ["CLEAR"]:
            self.reset()
        else:
            raise ValueError(f"unknown command: {line!r}")
        return None

    def fresh_guess(self):
        while True:
            candidate = random.randint(self.low, self.high)
            if candidate not in self.tried:
                return candidate


class GuessingSession(LineChannel):
    """One connection of the threaded server: blocking reads and writes around the rules."""

    def __init__(self, sock, lock, quiet):
        super().__init__(sock)
        self.rules = GuessingRules(lock, quiet)

    def serve(self):
        while line := self.receive():
            reply = self.rules.answer(line)
            if reply is not None:
                self.send(reply)


def run_server(host, port, quiet):
    lock = threading.Lock()
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(1024)
        bound_host, bound_port = listener.getsockname()[:2]
        print(f"listening on {bound_host}:{bound_port}", flush=True)
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=handle, args=(conn, lock, quiet), daemon=True).start()


def handle(conn, lock, quiet):
    with conn:
        try:
            GuessingSession(conn, lock, quiet).serve()
        except (EOFError, ConnectionError):
            pass


async def serve_async_connection(reader, writer, quiet):
    rules = GuessingRules(threading.Lock(), quiet)
    try:
        while raw := await reader.readline():
            reply = rules.answer(raw.rstrip(b"\n").decode())
            if reply is not None:
                writer.write((reply + "\n").encode())
                await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def run_async_server(host, port, quiet):
    server = await asyncio.start_server(
        lambda r, w: serve_async_connection(r, w, quiet), host, port, backlog=1024)
    bound_host, bound_port = server.sockets[0].getsockname()[:2]
    print(f"listening on {bound_host}:{bound_port}", flush=True)
    async with server:
        await server.serve_forever()


class Judge:
    """The client's side of one game: holds the secret and scores each guess."""

    def __init__(self, channel, secret):
        self.channel = channel
        self.secret = secret
        self.previous = None

    def ask(self):
        self.channel.send("NUMBER")
        return int(self.channel.receive())

    def judge(self, number):
        distance = math.fabs(number - self.secret)
        if distance == 0:
            verdict = "Correct"
        elif self.previous is None:
            verdict = "Unsure"
        elif distance < self.previous:
            verdict = "Warmer"
        elif distance > self.previous:
            verdict = "Colder"
        else:
            verdict = "Same"
        self.previous = distance
        self.channel.send(f"REPORT {verdict}")
        return verdict

    def rounds(self):
        while True:
            number = self.ask()
            verdict = self.judge(number)
            yield number, verdict
            if verdict == "Correct":
                return


def play_game(channel, low, high, secret):
    print(f"Guess a number between {low} and {high}! Shhhhh, it's {secret}.", flush=True)
    channel.send(f"PARAMS {low} {high}")
    try:
        return list(Judge(channel, secret).rounds())
    finally:
        channel.send("CLEAR")


def run_client(host, port, games):
    with socket.create_connection((host, port)) as sock:
        channel = LineChannel(sock)
        results = []
        for low, high, secret in games:
            results.extend(play_game(channel, low, high, secret))
    for number, verdict in results:
        print(f"Client: {number} is {verdict}", flush=True)


def main(argv):
    quiet = "--quiet" in argv
    argv = [arg for arg in argv if arg != "--quiet"]
    mode, host, port = argv[1], argv[2], int(argv[3])
    if mode == "server":
        run_server(host, port, quiet)
    elif mode == "async-server":
        try:
            asyncio.run(run_async_server(host, port, quiet))
        except KeyboardInterrupt:
            pass
    elif mode == "client":
        games = [(1, 5, 3), (10, 15, 12), (1, 3, 2)]
        if len(argv) == 7:
            games = [(int(argv[4]), int(argv[5]), int(argv[6]))]
        run_client(host, port, games)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
