#!/usr/bin/env bash
# hotcold on Netty against the Netty reference server on each I/O kind, and hotcold NIO, each
# against the C floor server under the C load generator (../shared/yardstick/compare.sh: the
# server and the floor take turns, medians of the rounds), as issue 15's table measures them.
#
# Usage: scripts/bench-netty.sh [CONNS_LIST] [SECONDS] [ROUNDS]
#   defaults: 16,256,1024  3  3
# Every server is warmed up first (one loadgen run at 64 connections). Loopback only; ports are
# picked free at run time. Needs gcc (compare.sh builds the yardstick) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
conns=${1:-16,256,1024}
secs=${2:-3}
rounds=${3:-3}
hotcold=$here/hotcold
yardstick=$here/../shared/yardstick
bin=${YARDSTICK_BIN:-/tmp/yardstick}
mkdir -p "$bin"
[ "$bin/loadgen" -nt "$yardstick/loadgen.c" ] || gcc -O2 -o "$bin/loadgen" "$yardstick/loadgen.c"
"$hotcold" --version >/dev/null
"$hotcold" bench -h >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
log=$(mktemp -d)
pid=
stop() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=; }
trap 'stop; rm -rf "$log"' EXIT

# measure NAME COMMAND...: starts the server on a free port (the command ends with --port), warms it, compares.
measure() {
  local name=$1; shift
  local port; port=$(free_port)
  "$@" --port "$port" >"$log/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 200); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2>/dev/null && break
    sleep 0.05
  done
  "$bin/loadgen" "$port" 64 100 3 1 >/dev/null
  echo "== $name"
  FLOOR_PORT=$(free_port) "$yardstick/compare.sh" "$port" "$pid" "$conns" 100 "$secs" "$rounds"
  stop
}

measure hotcold-nio "$hotcold" serve --transport nio --quiet
measure hotcold-netty-io_uring "$hotcold" serve --transport netty --io io_uring --quiet
measure hotcold-netty-epoll "$hotcold" serve --transport netty --io epoll --quiet
measure netty-reference-nio "$hotcold" bench netty-server --workers 1 --io nio
measure netty-reference-epoll "$hotcold" bench netty-server --workers 1 --io epoll
measure netty-reference-io_uring "$hotcold" bench netty-server --workers 1 --io io_uring
