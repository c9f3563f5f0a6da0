#!/usr/bin/env bash
# How much `./hotcold load` costs as a load generator: round trips/s it reaches against the C floor
# server, as a ratio to the C load generator (../shared/yardstick/loadgen.c) in the same run.
# Usage: scripts/load-vs-loadgen.sh [CONNECTIONS_LIST] [SECONDS] [ROUNDS]   (defaults 16,256 5 3)
# The two generators take turns against one floor server; medians of ROUNDS runs each.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
conns_list=${1:-16,256} secs=${2:-5} rounds=${3:-3}
yardstick=$here/../shared/yardstick bin=${YARDSTICK_BIN:-/tmp/yardstick}
mkdir -p "$bin"
[ "$bin/loadgen" -nt "$yardstick/loadgen.c" ] || gcc -O2 -o "$bin/loadgen" "$yardstick/loadgen.c"
[ "$bin/floor_server" -nt "$yardstick/floor_server.c" ] || gcc -O2 -o "$bin/floor_server" "$yardstick/floor_server.c"
"$here/hotcold" --version >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/floor_server" "$port" & floor=$!
trap 'kill $floor 2>/dev/null' EXIT
sleep 0.3
rate() { sed -E 's/.*roundtrips_per_s=([0-9.]+).*/\1/'; }
median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
"$here/hotcold" load --port "$port" --connections 64 --range 100 --seconds 3 >/dev/null 2>&1   # JIT warm-up
printf '%-6s %14s %14s %7s\n' conns loadgen_rt/s load_rt/s ratio
for c in ${conns_list//,/ }; do
  c_rates=() j_rates=()
  for ((i = 0; i < rounds; i++)); do
    c_rates+=("$("$bin/loadgen" "$port" "$c" 100 "$secs" 1 | rate)")
    j_rates+=("$("$here/hotcold" load --port "$port" --connections "$c" --range 100 --seconds "$secs" --warmup 1 2>/dev/null | rate)")
  done
  cr=$(printf '%s\n' "${c_rates[@]}" | median); jr=$(printf '%s\n' "${j_rates[@]}" | median)
  awk -v c="$c" -v cr="$cr" -v jr="$jr" 'BEGIN{printf "%-6s %14.0f %14.0f %7.2f\n", c, cr, jr, jr/cr}'
done
