#!/usr/bin/env bash
# Soak: serves with each transport for a while under load, with faults mixed in, and watches the
# server's memory and descriptors. Not part of CI; RELIABILITY.md quotes its figures.
#
#   scripts/soak.sh [MINUTES] [TRANSPORT...]
#
# MINUTES (default 10, fractions allowed) is the loaded time per transport, after a warm-up.
# TRANSPORT is nio, blocking (virtual threads) or blocking-platform; default all three.
#
# Per transport it starts `./hotcold serve --transport T --quiet --idle-timeout 5` on a port of
# its own, drives it with `./hotcold load` (or the yardstick's C loadgen, SOAK_LOAD=loadgen) and
# scripts/fault_injector.py (resets, half-closes, garbage, idle clients) at the same time, samples
# the server's resident memory (VmRSS) and open descriptors (/proc/PID/fd) every SOAK_SAMPLE
# seconds into a CSV, then stops the server with SIGTERM and prints a summary: first, last and
# largest RSS and descriptor count after the warm-up, the load's summary line and the injector's.
#
# Settings (environment):
#   SOAK_LOAD=hotcold|loadgen  load driver (default hotcold: ./hotcold load)
#   LOADGEN=PATH               the C loadgen, for SOAK_LOAD=loadgen (default /tmp/yardstick-faults/loadgen;
#                              build: gcc -O2 -o PATH ../shared/yardstick/loadgen.c)
#   SOAK_PORT=N                first port; one per transport after it (default 55500)
#   SOAK_CONNECTIONS=N         load connections (default 100)
#   SOAK_RANGE=N               games on [1, N] (default 1000)
#   SOAK_WARMUP=SECONDS        load before sampling counts (default 30)
#   SOAK_SAMPLE=SECONDS        sampling interval (default 10)
#   SOAK_SERVER_JAVA_OPTS=...  JVM options of the server (default -Xmx256m, so the heap settles)
#   SOAK_OUT=DIR               where CSVs, logs and summary.txt go (default target/soak-<time>)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-10}
shift || true
transports=("$@")
[[ ${#transports[@]} -gt 0 ]] || transports=(nio blocking blocking-platform)

load_kind=${SOAK_LOAD:-hotcold}
loadgen=${LOADGEN:-/tmp/yardstick-faults/loadgen}
base_port=${SOAK_PORT:-55500}
connections=${SOAK_CONNECTIONS:-100}
range=${SOAK_RANGE:-1000}
warmup=${SOAK_WARMUP:-30}
sample=${SOAK_SAMPLE:-10}
java_opts=${SOAK_SERVER_JAVA_OPTS:--Xmx256m}
out=${SOAK_OUT:-$here/target/soak-$(date -u +%Y%m%dT%H%M%SZ)}
idle_timeout=5

die() { echo "soak: $*" >&2; exit 2; }
[[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]] || die "MINUTES must be a number, got '$minutes'"
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
(( seconds > 0 )) || die "MINUTES must be above 0"
case $load_kind in
  hotcold) ;;
  loadgen) [[ -x $loadgen ]] || die "SOAK_LOAD=loadgen needs LOADGEN ($loadgen); build it with gcc -O2 -o $loadgen $here/../shared/yardstick/loadgen.c" ;;
  *) die "SOAK_LOAD must be hotcold or loadgen, got '$load_kind'" ;;
esac
command -v python3 >/dev/null || die "needs python3 for the fault injector"
mkdir -p "$out"
summary="$out/summary.txt"
: >"$summary"

# Builds the launcher's jar once, so that no build runs while a server is measured.
"$here/hotcold" --version >/dev/null

server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

say() { echo "$*" | tee -a "$summary"; }

# Prints "first last max" of column $2 in CSV $1 over rows whose elapsed time is at least $3.
stats() {
  awk -F, -v col="$2" -v from="$3" 'NR > 1 && $2 >= from {
      if (n == 0) first = $col; last = $col; if ($col > max) max = $col; n++ }
    END { if (n == 0) print "- - -"; else print first, last, max }' "$1"
}

port=$base_port
for transport in "${transports[@]}"; do
  case $transport in
    nio) serve_args=(--transport nio) ;;
    blocking) serve_args=(--transport blocking --threads virtual) ;;
    blocking-platform) serve_args=(--transport blocking --threads platform) ;;
    *) die "unknown transport '$transport' (nio, blocking, blocking-platform)" ;;
  esac
  csv="$out/$transport.csv"
  log="$out/$transport"
  echo "unix_time,elapsed_s,rss_kb,fds,threads" >"$csv"

  # Ports of the range can be taken for a moment as other programs' ephemeral ports: try the next.
  started=
  while [[ -z $started ]]; do
    (( port < base_port + 100 )) || die "no free port in $base_port..$((base_port + 99))"
    JAVA_TOOL_OPTIONS="$java_opts" "$here/hotcold" serve "${serve_args[@]}" --port "$port" --quiet \
        --idle-timeout "$idle_timeout" >"$log.server.out" 2>"$log.server.err" &
    server_pid=$!
    for _ in $(seq 1 300); do
      if grep -q '^listening on' "$log.server.out" 2>/dev/null; then started=yes; break; fi
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    if [[ -z $started ]]; then
      kill -0 "$server_pid" 2>/dev/null && die "$transport server did not start on port $port"
      wait "$server_pid" || true
      grep -q 'already in use' "$log.server.err" || die "$transport server exited: $(cat "$log.server.err")"
      port=$((port + 1))
    fi
  done

  if [[ $load_kind == hotcold ]]; then
    "$here/hotcold" load --port "$port" --connections "$connections" --range "$range" \
        --seconds "$seconds" --warmup "$warmup" >"$log.load.out" 2>"$log.load.err" &
  else
    "$loadgen" "$port" "$connections" "$range" "$seconds" "$warmup" >"$log.load.out" 2>"$log.load.err" &
  fi
  load_pid=$!
  python3 "$here/scripts/fault_injector.py" --port "$port" --seconds "$((seconds + warmup))" \
      --idle-timeout "$idle_timeout" >"$log.faults.out" 2>&1 &
  injector_pid=$!

  start=$(date +%s)
  # Samples while the load runs (the injector stops at the same time).
  while kill -0 "$load_pid" 2>/dev/null; do
    now=$(date +%s)
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    fds=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)
    echo "$now,$((now - start)),$rss,$fds,$threads" >>"$csv"
    for _ in $(seq 1 "$sample"); do
      kill -0 "$load_pid" 2>/dev/null || break
      sleep 1
    done
  done
  load_status=0; wait "$load_pid" || load_status=$?
  injector_status=0; wait "$injector_pid" || injector_status=$?

  kill -TERM "$server_pid"
  for _ in $(seq 1 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "soak: $transport server still running 30 s after SIGTERM; killing it" | tee -a "$summary"
    kill -KILL "$server_pid"
  fi
  server_status=0; wait "$server_pid" || server_status=$?
  server_pid=

  read -r rss_first rss_last rss_max < <(stats "$csv" 3 "$warmup")
  read -r fds_first fds_last fds_max < <(stats "$csv" 4 "$warmup")
  say "== $transport on port $port: $minutes min under load after ${warmup} s of warm-up, load=$load_kind, $connections connections, range $range"
  say "rss_kb first=$rss_first last=$rss_last max=$rss_max; fds first=$fds_first last=$fds_last max=$fds_max (after warm-up, every ${sample} s: $csv)"
  say "load (exit $load_status): $(tail -n 1 "$log.load.out")"
  say "faults (exit $injector_status): $(tail -n 1 "$log.faults.out")"
  say "server exit after SIGTERM: $server_status; lines on stderr: $(grep -vc '^Picked up JAVA_TOOL_OPTIONS' "$log.server.err" || true)"
  port=$((port + 1))
done
echo "soak: summary in $summary"
