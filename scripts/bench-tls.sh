#!/usr/bin/env bash
# TLS against plain text, per socket transport, for BENCHMARKS.md: every server under the same
# `./hotcold load` (with --tls for the TLS servers), in one run, taking turns, plus full
# handshakes per second from `openssl s_time -new` (one client process, new session each time).
#
# Usage: scripts/bench-tls.sh [SECONDS] [CONNECTIONS_LIST] [ROUNDS]
#   defaults: 5  16,256  3
# Prints, per connection count, round trips/s (median of the rounds) and the server's CPU per
# round trip (its utime+stime from /proc over the measured window), each TLS row with its ratio to
# the same transport in plain text. Certificates are made with keytool in a temporary folder.
# Ports are picked free at run time, loopback only. Needs python3 and openssl.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-5}
conns_list=${2:-16,256}
rounds=${3:-3}
hotcold=$here/hotcold
"$hotcold" --version >/dev/null   # builds the command line if needed
"$hotcold" bench -h >/dev/null    # and the benchmarks jar (the Netty reference server)

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
"$keytool" -genkeypair -alias hotcold -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext SAN=dns:localhost,ip:127.0.0.1 -validity 2 -storetype PKCS12 \
  -keystore "$work/server.p12" -storepass benchmark >/dev/null 2>&1
"$keytool" -exportcert -rfc -alias hotcold -keystore "$work/server.p12" -storepass benchmark -file "$work/server.crt" >/dev/null 2>&1

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
declare -A port_of pid_of tls_of
names=()
start() {
  local name=$1 tls=$2 port=$3; shift 3
  "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid"); pid_of[$name]=$pid; port_of[$name]=$port; tls_of[$name]=$tls; names+=("$name")
  for _ in $(seq 1 200); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2>/dev/null; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "bench-tls: $name exited; see its log" >&2; cat "$work/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "bench-tls: $name did not listen on $port" >&2; exit 1
}
tls_flags=(--tls-keystore "$work/server.p12" --tls-password benchmark)
for transport in nio blocking netty; do
  p=$(free_port); start "$transport" no "$p" "$hotcold" serve --transport "$transport" --quiet --port "$p"
  p=$(free_port); start "$transport-tls" yes "$p" "$hotcold" serve --transport "$transport" --quiet --port "$p" "${tls_flags[@]}"
done
if "$hotcold" bench netty-server -h 2>&1 | grep -q -- --tls-keystore; then
  p=$(free_port); start netty-reference no "$p" "$hotcold" bench netty-server --port "$p"
  p=$(free_port); start netty-reference-tls yes "$p" "$hotcold" bench netty-server --port "$p" "${tls_flags[@]}"
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# measure NAME CONNS: one load run; prints "rt_per_s cpu_us_per_rt".
measure() {
  local name=$1 conns=$2 flags=()
  [ "${tls_of[$name]}" = yes ] && flags=(--tls --tls-trust "$work/server.crt")
  local before after json
  before=$(cpu_ticks "${pid_of[$name]}")
  json=$("$hotcold" load --port "${port_of[$name]}" --connections "$conns" --seconds "$secs" --warmup 1 --json "${flags[@]}" 2>/dev/null)
  after=$(cpu_ticks "${pid_of[$name]}")
  python3 - "$json" "$before" "$after" "$hz" <<'EOF'
import json, sys
run = json.loads(sys.argv[1])
ticks = int(sys.argv[3]) - int(sys.argv[2])
rt = run["total_roundtrips"]
print(f'{run["roundtrips_per_s"]:.0f} {ticks / int(sys.argv[4]) * 1e6 / max(rt, 1):.2f}')
EOF
}

# Warm every server up once.
for name in "${names[@]}"; do measure "$name" 16 >/dev/null; done

declare -A rate cpu
for conns in ${conns_list//,/ }; do
  for name in "${names[@]}"; do rate[$name,$conns]=""; cpu[$name,$conns]=""; done
  for r in $(seq 1 "$rounds"); do
    for name in "${names[@]}"; do
      read -r rt c < <(measure "$name" "$conns")
      rate[$name,$conns]+="$rt "; cpu[$name,$conns]+="$c "
    done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-22s %6s %12s %8s %14s %8s\n' server conns "rt/s" "vs plain" "cpu us/rt" "vs plain"
for conns in ${conns_list//,/ }; do
  for name in "${names[@]}"; do
    plain=${name%-tls}
    r=$(echo "${rate[$name,$conns]}" | median); c=$(echo "${cpu[$name,$conns]}" | median)
    pr=$(echo "${rate[$plain,$conns]}" | median); pc=$(echo "${cpu[$plain,$conns]}" | median)
    printf '%-22s %6s %12s %8s %14s %8s\n' "$name" "$conns" "$r" \
      "$(python3 -c "print(f'{$r/$pr:.2f}')")" "$c" "$(python3 -c "print(f'{$c/$pc:.2f}')")"
  done
done

echo
echo "full handshakes per second (openssl s_time -new, one client, $secs s):"
for name in "${names[@]}"; do
  [ "${tls_of[$name]}" = yes ] || continue
  line=$(openssl s_time -connect "127.0.0.1:${port_of[$name]}" -new -time "$secs" -CAfile "$work/server.crt" 2>/dev/null \
    | grep -m1 'connections/user sec\|connections in' || true)
  printf '%-22s %s\n' "$name" "$line"
done
