#!/usr/bin/env python3
"""Mixes faults into a soak of a hotcold server (see scripts/soak.sh).

Workers pick, at random with a fixed seed, one fault after another until the time is up:

  reset      plays into a game, then leaves with a TCP reset (SO_LINGER 0) mid-game
  halfclose  pipelines PARAMS and NUMBERs, shuts its output, and counts the replies that arrive
             before the server closes: every one owed must (lost ones are counted)
  garbage    sends generated bad bytes, then a one-number game; every reply must be a number or
             an ERROR reason of PROTOCOL.md, and the game's number must come back
  idle       connects and says nothing; the server must close it after its idle timeout

It prints one summary line:
  injected resets=N half_closes=N garbage=N idle=N replies_lost=N bad_replies=N idle_not_closed=N failures=N

failures counts faults that did not go as the protocol promises (connect refused, a timeout,
a missing reply); the soak passes when replies_lost, bad_replies, idle_not_closed and failures
are all 0.
"""

import argparse
import random
import re
import socket
import struct
import threading
import time

ERRORS = {
    "empty line", "unknown command", "usage: PARAMS <lower> <upper>", "usage: NUMBER",
    "usage: REPORT Warmer|Colder|Same|Unsure|Correct", "usage: CLEAR", "bound is not a 64-bit integer",
    "lower bound is above upper bound", "unknown decision", "no game in progress", "no guess to report on",
    "range exhausted", "line too long", "internal error", "server busy",
}
NUMBER = re.compile(rb"-?\d{1,19}")


def is_reply(line):
    return bool(NUMBER.fullmatch(line)) or (line.startswith(b"ERROR ") and line[6:].decode("latin-1") in ERRORS)


class Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.values = dict(resets=0, half_closes=0, garbage=0, idle=0, replies_lost=0, bad_replies=0,
                           idle_not_closed=0, failures=0)

    def add(self, name, amount=1):
        with self.lock:
            self.values[name] += amount

    def line(self):
        with self.lock:
            return "injected " + " ".join(f"{k}={v}" for k, v in self.values.items())


def connect(port, timeout):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_lines_until_eof(s):
    data = bytearray()
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n")
        data += chunk


def read_line(s, buffer):
    while b"\n" not in buffer:
        chunk = s.recv(65536)
        if not chunk:
            raise EOFError("closed by the server")
        buffer += chunk
    line, _, rest = bytes(buffer).partition(b"\n")
    buffer[:] = rest
    return line


def reset(port, rng, counts):
    with connect(port, 10) as s:
        s.sendall(b"PARAMS 1 1000000\nNUMBER\n")
        read_line(s, bytearray())
        s.sendall(b"REPORT Unsure\nNUMBER\n" * rng.randint(1, 50))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    counts.add("resets")


def half_close(port, rng, counts):
    numbers = rng.randint(1, 20000)
    with connect(port, 30) as s:
        s.sendall(b"PARAMS 1 1000000000\n" + b"NUMBER\n" * numbers + b"CLEAR\n")
        s.shutdown(socket.SHUT_WR)
        lines = read_lines_until_eof(s)
    good = sum(1 for line in lines if NUMBER.fullmatch(line))
    counts.add("replies_lost", max(0, numbers - good))
    counts.add("bad_replies", sum(1 for line in lines if not is_reply(line)))
    counts.add("half_closes")


def garbage(port, rng, counts):
    junk = bytearray()
    for _ in range(rng.randint(1, 200)):
        kind = rng.randrange(5)
        if kind == 0:
            junk += bytes(rng.randrange(256) for _ in range(rng.randint(1, 60))) + b"\n"
        elif kind == 1:
            junk += rng.choice([b"\r", b"\n", b"\r\n", b"\0\0\n", b"\xc0\x80\n", b"\xff\xfe\n", b" \n"])
        elif kind == 2:
            junk += b"PARAMS %d %d\n" % (rng.randint(-10**30, 10**30), rng.randint(-10**30, 10**30))
        elif kind == 3:
            command = bytearray(rng.choice([b"PARAMS 1 100", b"NUMBER", b"REPORT Warmer", b"CLEAR"]))
            command[rng.randrange(len(command))] ^= 1 << rng.randrange(8)
            junk += command + b"\n"
        else:
            junk += b"X" * rng.randint(1000, 5000) + b"\n"
    with connect(port, 30) as s:
        s.sendall(bytes(junk) + b"\nPARAMS -76 -76\nNUMBER\n")
        buffer = bytearray()
        while True:
            line = read_line(s, buffer)
            if not is_reply(line):
                counts.add("bad_replies")
            if line == b"-76":
                break
    counts.add("garbage")


def idle(port, idle_timeout, counts):
    with connect(port, idle_timeout * 2 + 10) as s:
        try:
            closed = s.recv(1) == b""
        except socket.timeout:
            closed = False
        except ConnectionResetError:
            closed = True
    if not closed:
        counts.add("idle_not_closed")
    counts.add("idle")


def worker(port, seed, deadline, idle_timeout, counts):
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        fault = rng.choices([reset, half_close, garbage, "idle"], weights=[4, 2, 4, 1])[0]
        try:
            if fault == "idle":
                idle(port, idle_timeout, counts)
            else:
                fault(port, rng, counts)
        except (OSError, EOFError) as e:
            counts.add("failures")
            print(f"fault {getattr(fault, '__name__', fault)} failed: {e!r}", flush=True)
        time.sleep(rng.uniform(0.05, 0.5))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--idle-timeout", type=float, default=5, help="the server's --idle-timeout, in seconds")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    counts = Counts()
    deadline = time.monotonic() + args.seconds
    threads = [threading.Thread(target=worker, args=(args.port, args.seed + i, deadline, args.idle_timeout, counts))
               for i in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(counts.line(), flush=True)


if __name__ == "__main__":
    main()
