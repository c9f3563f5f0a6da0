#!/usr/bin/env bash
# Cross-process serving figures for BENCHMARKS.md: every server under the same `./hotcold load`,
# the C floor server as the reference row, on this machine, in one run.
#
# Usage: scripts/bench-serving.sh [SECONDS] [CONNECTIONS_LIST] [OUT_DIR]
#   defaults: 5  16,256,1024  benchmarks/results
# Writes OUT_DIR/serving.jsonl (one `load --json` object per server and connection count, with
# "server", "connections" and "server_cpu_us_per_rt" added: the chart program reads it) and
# prints a table of round trips/s and server CPU per round trip, each with its ratio to the floor.
# Servers: the floor (C), hotcold NIO (default loops and one loop), hotcold blocking (virtual and
# platform threads), a plain JDK server on virtual threads (`bench plain-server`), hotcold on Netty
# (io_uring, epoll), the Netty reference server (NIO, epoll, io_uring), and the Python seed servers
# (threads, asyncio).
# For each connection count the servers take turns, so drift in the machine hits them alike.
# Needs gcc and python3; ports are picked free at run time, loopback only.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-5}
conns_list=${2:-16,256,1024}
out=${3:-$here/benchmarks/results}
yardstick=$here/../shared/yardstick
bin=${YARDSTICK_BIN:-/tmp/yardstick}
mkdir -p "$out" "$bin"
[ "$bin/floor_server" -nt "$yardstick/floor_server.c" ] || gcc -O2 -o "$bin/floor_server" "$yardstick/floor_server.c"
hotcold=$here/hotcold
python_seed=$here/cli/src/test/python/seed_game.py

"$hotcold" --version >/dev/null              # builds the command line if needed
"$hotcold" bench -h >/dev/null               # and the benchmarks jar (the Netty server)

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start NAME PORT COMMAND...: starts a server, waits until the port answers.
declare -A port_of pid_of
names=()
start() {
  local name=$1 port=$2; shift 2
  "$@" >"$out/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid"); pid_of[$name]=$pid; port_of[$name]=$port; names+=("$name")
  for _ in $(seq 1 200); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2>/dev/null; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "bench-serving: $name exited; see $out/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "bench-serving: $name did not listen on $port" >&2; exit 1
}

p=$(free_port); start floor "$p" "$bin/floor_server" "$p"
p=$(free_port); start hotcold-nio "$p" "$hotcold" serve --transport nio --quiet --port "$p"
p=$(free_port); start hotcold-nio-1-loop "$p" "$hotcold" serve --transport nio --loops 1 --quiet --port "$p"
p=$(free_port); start hotcold-blocking-virtual "$p" "$hotcold" serve --transport blocking --threads virtual --quiet --port "$p"
p=$(free_port); start hotcold-blocking-platform "$p" "$hotcold" serve --transport blocking --threads platform --quiet --port "$p"
p=$(free_port); start plain-virtual "$p" "$hotcold" bench plain-server --port "$p"
p=$(free_port); start hotcold-netty-io_uring "$p" "$hotcold" serve --transport netty --io io_uring --quiet --port "$p"
p=$(free_port); start hotcold-netty-epoll "$p" "$hotcold" serve --transport netty --io epoll --quiet --port "$p"
p=$(free_port); start netty "$p" "$hotcold" bench netty-server --port "$p"
p=$(free_port); start netty-epoll "$p" "$hotcold" bench netty-server --io epoll --port "$p"
p=$(free_port); start netty-io_uring "$p" "$hotcold" bench netty-server --io io_uring --port "$p"
p=$(free_port); start python-threads "$p" python3 "$python_seed" server 127.0.0.1 "$p" --quiet
p=$(free_port); start python-asyncio "$p" python3 "$python_seed" async-server 127.0.0.1 "$p" --quiet

tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

# Warm every server up (JIT) before anything counts.
for name in "${names[@]}"; do
  "$hotcold" load --port "${port_of[$name]}" --connections 64 --range 100 --seconds 3 >/dev/null 2>&1 || true
done

results=$out/serving.jsonl
: >"$results"
for c in ${conns_list//,/ }; do
  for name in "${names[@]}"; do
    pid=${pid_of[$name]}
    c0=$(cpu_ticks "$pid")
    line=$("$hotcold" load --port "${port_of[$name]}" --connections "$c" --range 100 \
        --seconds "$secs" --warmup 1 --json 2>/dev/null) || true
    c1=$(cpu_ticks "$pid")
    [[ $line == \{* ]] || { echo "bench-serving: no result for $name at $c connections" >&2; continue; }
    # CPU ticks cover warmup and measurement; scale round trips by (secs + 1) / secs as compare.sh does.
    python3 - "$name" "$c" "$((c1 - c0))" "$tick" "$secs" "$line" >>"$results" <<'EOF'
import json, sys
name, conns, ticks, tick, secs, line = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
row = json.loads(line)
roundtrips = row["roundtrips"] * (secs + 1) / secs
row = {"server": name, "connections": conns, **row}
row["server_cpu_us_per_rt"] = round(ticks / tick * 1e6 / roundtrips, 2) if roundtrips else None
print(json.dumps(row))
EOF
  done
done

python3 - "$results" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
floor = {r["connections"]: r for r in rows if r["server"] == "floor"}
print(f'{"server":28} {"conns":>6} {"rt/s":>10} {"vs floor":>9} {"cpu us/rt":>10} {"vs floor":>9} {"p99 us":>8} {"errors":>7}')
for r in sorted(rows, key=lambda r: (r["connections"], r["server"] != "floor")):
    f = floor.get(r["connections"])
    ratio = r["roundtrips_per_s"] / f["roundtrips_per_s"] if f and f["roundtrips_per_s"] else float("nan")
    cpu = r.get("server_cpu_us_per_rt")
    cpu_ratio = cpu / f["server_cpu_us_per_rt"] if f and cpu and f.get("server_cpu_us_per_rt") else float("nan")
    print(f'{r["server"]:28} {r["connections"]:>6} {r["roundtrips_per_s"]:>10.0f} {ratio:>9.2f} '
          f'{cpu if cpu is not None else float("nan"):>10.2f} {cpu_ratio:>9.2f} {r["p99_us"]:>8} {r["errors"]:>7}')
EOF
