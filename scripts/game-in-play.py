#!/usr/bin/env python3
"""One game held open on purpose, for scale-out.sh: it starts a game, plays one round, says so,
waits until a file appears, then plays on to the correct guess, sends CLEAR and checks that the
server then closes the connection (as a server that is stopping does).

usage: game-in-play.py HOST PORT SECRET GO_FILE"""
import os
import socket
import sys
import time

LOWER, UPPER = 1, 1_000_000


def main():
    host, port, secret, go_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.settimeout(30)
        lines = sock.makefile("rb")

        def guess():
            sock.sendall(b"NUMBER\n")
            line = lines.readline().decode("ascii").strip()
            if not line.lstrip("-").isdigit():
                raise SystemExit(f"game-in-play: expected a guess, got {line!r}")
            return int(line)

        sock.sendall(f"PARAMS {LOWER} {UPPER}\n".encode("ascii"))
        previous = guess()
        if previous == secret:
            raise SystemExit("game-in-play: the first guess was right; pick another secret")
        sock.sendall(b"REPORT Unsure\n")
        print(f"game-in-play: in play, first guess {previous}", flush=True)

        deadline = time.monotonic() + 60
        while not os.path.exists(go_file):   # told to go on by the script, not by a clock
            if time.monotonic() > deadline:
                raise SystemExit("game-in-play: never told to go on")
            time.sleep(0.05)

        rounds = 1
        while True:
            number = guess()
            rounds += 1
            if number == secret:
                decision = "Correct"
            else:
                now, before = abs(number - secret), abs(previous - secret)
                decision = "Warmer" if now < before else "Colder" if now > before else "Same"
            sock.sendall(f"REPORT {decision}\n".encode("ascii"))
            if decision == "Correct":
                break
            if rounds > 64:
                raise SystemExit("game-in-play: no correct guess in 64 rounds")
            previous = number
        sock.sendall(b"CLEAR\n")
        rest = lines.read()   # a stopping server closes the connection after CLEAR
        if rest:
            raise SystemExit(f"game-in-play: unexpected bytes after CLEAR: {rest!r}")
        print(f"game-in-play: finished in {rounds} rounds, CLEAR sent, then the server closed the connection",
              flush=True)


if __name__ == "__main__":
    main()
