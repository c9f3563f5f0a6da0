#!/usr/bin/env bash
# README's "Operating hotcold" picture: a `hotcold serve --metrics-port` scraped twice a second,
# as Prometheus would, while `hotcold load` runs against it in three stages (8, then 64, then 256
# connections, a pause between), then the scrape series drawn by the benchmarks jar's
# scrape-chart program. Writes operating-metrics.png and operating-metrics.tsv (the figures
# drawn) in the repository, or in the directory given as $1. About half a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
out_dir=${1:-.}
work=$(mktemp -d "${TMPDIR:-/tmp}/hotcold-metrics-chart.XXXXXX")
serve_pid=
cleanup() {
  [[ -n $serve_pid ]] && kill -KILL "$serve_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

./hotcold --version >/dev/null
./hotcold serve --transport nio --port 0 --metrics-port 0 --quiet >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 300); do
  grep -q '^listening on' "$work/serve.out" && break
  sleep 0.1
done
port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/serve.out")
metrics=$(sed -n 's|^metrics on \(http://.*\)$|\1|p' "$work/serve.out")
[[ -n $port && -n $metrics ]] || { cat "$work/serve.out" "$work/serve.err" >&2; exit 1; }
echo "metrics-chart: serve on 127.0.0.1:$port, scraping $metrics every 0.5 s"

# The scraper: each scrape after a line '# scrape at SECONDS', until the file 'stop' appears.
python3 - "$metrics" "$work/scrapes.txt" "$work/stop" <<'PY' &
import os, sys, time, urllib.request
url, path, stop = sys.argv[1:]
start = time.monotonic()
with open(path, "w") as out:
    while not os.path.exists(stop):
        at = time.monotonic() - start
        with urllib.request.urlopen(url, timeout=10) as response:
            out.write(f"# scrape at {at:.2f}\n{response.read().decode()}\n")
        time.sleep(max(0.0, 0.5 - (time.monotonic() - start - at)))
PY
scraper=$!

sleep 2
for connections in 8 64 256; do
  ./hotcold load --port "$port" --connections "$connections" --range 1000 --seconds 5 --warmup 0 2>/dev/null \
    | sed "s/^/metrics-chart: load --connections $connections: /"
  sleep 2
done
touch "$work/stop"
wait "$scraper"
kill -TERM "$serve_pid"
wait "$serve_pid"
serve_pid=

./hotcold bench scrape-chart --scrapes "$work/scrapes.txt" --out "$out_dir/operating-metrics.png" \
  --tsv "$out_dir/operating-metrics.tsv"
