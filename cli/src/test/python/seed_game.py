"""The seed's guess-the-number server and client (Effective Python, item 76), rewritten from the
book's description for hotcold's interoperability tests. Blocking sockets, a thread per
connection, the same commands and the same printed transcript as the book's programs.

    python3 seed_game.py server HOST PORT      prints "listening on HOST:PORT" (PORT 0: any free
                                               port), then "Server: N is D" for every report
    python3 seed_game.py client HOST PORT [LOWER UPPER SECRET]
                                               plays the book's three games (or one) and prints
                                               the client's transcript
"""

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


class GuessingSession(LineChannel):
    """The server's side of one connection: guesses at random, never twice in a game."""

    def __init__(self, sock, lock):
        super().__init__(sock)
        self.print_lock = lock
        self.reset()

    def reset(self):
        self.low = self.high = self.secret = None
        self.tried = []

    def serve(self):
        while line := self.receive():
            words = line.split(" ")
            if words[0] == "PARAMS" and len(words) == 3:
                self.reset()
                self.low, self.high = int(words[1]), int(words[2])
            elif words == ["NUMBER"]:
                guess = self.secret if self.secret is not None else self.fresh_guess()
                self.tried.append(guess)
                self.send(str(guess))
            elif words[0] == "REPORT" and len(words) == 2:
                last = self.tried[-1]
                if words[1] == "Correct":
                    self.secret = last
                with self.print_lock:
                    print(f"Server: {last} is {words[1]}", flush=True)
            elif words == ["CLEAR"]:
                self.reset()
            else:
                raise ValueError(f"unknown command: {line!r}")

    def fresh_guess(self):
        while True:
            candidate = random.randint(self.low, self.high)
            if candidate not in self.tried:
                return candidate


def run_server(host, port):
    lock = threading.Lock()
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen()
        bound_host, bound_port = listener.getsockname()[:2]
        print(f"listening on {bound_host}:{bound_port}", flush=True)
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=handle, args=(conn, lock), daemon=True).start()


def handle(conn, lock):
    with conn:
        try:
            GuessingSession(conn, lock).serve()
        except EOFError:
            pass


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
    mode, host, port = argv[1], argv[2], int(argv[3])
    if mode == "server":
        run_server(host, port)
    elif mode == "client":
        games = [(1, 5, 3), (10, 15, 12), (1, 3, 2)]
        if len(argv) == 7:
            games = [(int(argv[4]), int(argv[5]), int(argv[6]))]
        run_client(host, port, games)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
