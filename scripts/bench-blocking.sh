#!/usr/bin/env bash
# The blocking transport on virtual threads against a plain JDK server on virtual threads
# (`bench plain-server`: ServerSocket, readLine, BufferedWriter), each against the C floor server
# with ../shared/yardstick/compare.sh, one after the other, each warmed first with one loadgen run
# at 64 connections. Prints compare.sh's table for each; the ratio between the two servers is the
# ratio of their ratios to the floor.
# Usage: scripts/bench-blocking.sh [CONNECTIONS_LIST] [SECONDS] [ROUNDS]   (defaults 16,256,1024 3 3)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
conns=${1:-16,256,1024} secs=${2:-3} rounds=${3:-3}
yardstick=$here/../shared/yardstick bin=${YARDSTICK_BIN:-/tmp/yardstick}
mkdir -p "$bin"
[ "$bin/loadgen" -nt "$yardstick/loadgen.c" ] || gcc -O2 -o "$bin/loadgen" "$yardstick/loadgen.c"
"$here/hotcold" --version >/dev/null
"$here/hotcold" bench -h >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2).close()" 2>/dev/null && return 0; sleep 0.05; done; return 1; }
measure() { # NAME COMMAND...
  local name=$1 port; shift; port=$(free_port)
  "$@" --port "$port" >/dev/null 2>&1 & local pid=$!
  wait_port "$port" || { echo "$name did not listen" >&2; kill $pid; exit 1; }
  "$bin/loadgen" "$port" 64 100 3 1 >/dev/null
  echo "== $name"
  "$yardstick/compare.sh" "$port" "$pid" "$conns" 100 "$secs" "$rounds"
  kill $pid; wait $pid 2>/dev/null || true
}
measure "hotcold blocking, virtual threads" "$here/hotcold" serve --transport blocking --threads virtual --quiet
measure "plain JDK server, virtual threads" "$here/hotcold" bench plain-server
