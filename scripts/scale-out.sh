#!/usr/bin/env bash
# Scaling out: two `hotcold serve` processes behind HAProxy (TCP mode, health checks, least
# connections), games played through it with `./hotcold play`, then one backend stopped with
# SIGTERM while a game is in play on it. Shows that the game on the stopped backend finishes to
# its CLEAR, that new games go to the survivor, and that the stopped backend exits 0. Each backend
# serves its meters (--metrics-port); a scrape of both shows how HAProxy split the games.
# Exits non-zero on any failure; stops everything it started; done in well under two minutes.
# CI runs it (.ci/run). Needs root or HAProxy already installed (it runs apt-get install haproxy).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly LIMIT_SECONDS=100
PATH=$PATH:/usr/sbin:/sbin   # where Debian puts haproxy
work=$(mktemp -d "${TMPDIR:-/tmp}/hotcold-scale-out.XXXXXX")
pids=()

say() { echo "scale-out: $*"; }
fail() {
  echo "scale-out: FAILED: $*" >&2
  for log in "$work"/*.out "$work"/*.err "$work"/*.log; do
    [[ -s $log ]] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
# Forgets a process this script has waited for, so that cleanup never signals a reused pid.
forget() {
  local pid kept=()
  for pid in "${pids[@]}"; do
    [[ $pid == "$1" ]] || kept+=("$pid")
  done
  pids=("${kept[@]}")
}
trap cleanup EXIT
trap 'exit 130' INT TERM
in_time() { (( SECONDS < LIMIT_SECONDS )) || fail "took longer than $LIMIT_SECONDS s"; }

# Waits until the command "$@" succeeds, for at most 30 s (and within the whole run's limit).
await() {
  local what=$1 until=$((SECONDS + 30))
  shift
  until "$@"; do
    in_time
    (( SECONDS < until )) || fail "waited 30 s and never saw: $what"
    sleep 0.1
  done
}

# --- HAProxy, from Debian ------------------------------------------------------------------------
if ! command -v haproxy >/dev/null 2>&1; then
  say "installing HAProxy (apt-get install haproxy)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y haproxy >"$work/apt.log" 2>&1; then
    apt-get update >>"$work/apt.log" 2>&1 && apt-get install -y haproxy >>"$work/apt.log" 2>&1 \
      || fail "could not install HAProxy"
  fi
fi
say "$(haproxy -v | head -n 1)"

# --- two backends ------------------------------------------------------------------------------
./hotcold --version >/dev/null 2>"$work/build.err" || fail "./hotcold could not build itself"
SECONDS=0   # the time limit is for the run; a first build (none after mvn verify) is not counted

# Starts backend $1 with the serve options that follow; it prints its port itself (--port 0).
start_backend() {
  local name=$1
  shift
  ./hotcold serve --host 127.0.0.1 --port 0 --metrics-port 0 --strategy hotcold --grace 30 "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  pids+=("$!")
  eval "${name}_pid=$!"
}
port_of() { sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/$1.out"; }
metrics_port_of() { sed -n 's|^metrics on http://127\.0\.0\.1:\([0-9]*\)/metrics$|\1|p' "$work/$1.out"; }
# The value of one series (as Prometheus text names it) in a scrape of backend $1's metrics.
metric() {
  python3 - "$(metrics_port_of "$1")" "$2" <<'PY'
import sys, urllib.request
port, series = sys.argv[1], sys.argv[2]
with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
    for line in response.read().decode().splitlines():
        name, _, value = line.rpartition(" ")
        if name == series:
            print(int(float(value)))
            break
    else:
        sys.exit(f"no series {series} in the scrape")
PY
}
start_backend a --transport nio
start_backend b --transport blocking
await "backends listening" bash -c "grep -q '^listening on' '$work/a.out' && grep -q '^listening on' '$work/b.out'"
a_port=$(port_of a)
b_port=$(port_of b)
say "backend a: hotcold serve --transport nio on 127.0.0.1:$a_port (pid $a_pid)"
say "backend b: hotcold serve --transport blocking on 127.0.0.1:$b_port (pid $b_pid)"

# --- HAProxy in front --------------------------------------------------------------------------
front_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 1000
    stats socket $work/haproxy.sock mode 600 level admin

defaults
    mode tcp
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 2
    # A backend that refuses the connection (it is stopping) costs the client nothing: the
    # connection goes to another backend.
    option redispatch

frontend games
    bind 127.0.0.1:$front_port
    default_backend hotcold

backend hotcold
    balance leastconn
    # The health check plays a tiny game: on the range [1, 1] the only guess is 1.
    option tcp-check
    tcp-check connect
    tcp-check send "PARAMS 1 1\nNUMBER\n"
    tcp-check expect string "1"
    tcp-check send "CLEAR\n"
    default-server inter 300ms fall 2 rise 1
    server a 127.0.0.1:$a_port check
    server b 127.0.0.1:$b_port check
CFG
haproxy -c -q -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 || fail "HAProxy rejected its config"
haproxy -db -f "$work/haproxy.cfg" >>"$work/haproxy.log" 2>&1 &
pids+=("$!")

# "name status current-connections" for each backend server, from HAProxy's stats socket.
servers() {
  python3 - "$work/haproxy.sock" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
head, *rows = data.decode().splitlines()
fields = head.lstrip("# ").split(",")
for row in rows:
    values = dict(zip(fields, row.split(",")))
    if values.get("pxname") == "hotcold" and values.get("svname") not in ("BACKEND", None):
        print(values["svname"], values["status"].split()[0], values["scur"])
PY
}
status_of() { servers 2>/dev/null | awk -v s="$1" '$1 == s { print $2 }'; }
connections_on() { servers | awk -v s="$1" '$1 == s { print $3 }'; }
both_up() { [[ $(status_of a) == UP && $(status_of b) == UP ]]; }
await "both backends UP in HAProxy" both_up
say "haproxy: TCP mode, balance leastconn, health checks, listening on 127.0.0.1:$front_port; a UP, b UP"

# Games each backend has won so far: one 'Server: N is Correct' line per game.
games_on() { grep -c ' is Correct$' "$work/$1.out" || true; }

# Plays the three seed games through HAProxy; fails unless all three end Correct.
play_through() {
  timeout 30 ./hotcold play --port "$front_port" >"$work/play.out" 2>"$work/play.err" \
    || fail "./hotcold play through HAProxy failed: $(cat "$work/play.err")"
  [[ $(grep -c ' is Correct$' "$work/play.out") == 3 ]] || fail "a game through HAProxy did not end Correct"
}

# --- games through HAProxy, spread over both --------------------------------------------------
for _ in 1 2 3 4; do
  play_through
done
a_games=$(games_on a)
b_games=$(games_on b)
say "4 x ./hotcold play through haproxy: 12 games won; a served $a_games, b served $b_games"
(( a_games > 0 && b_games > 0 && a_games + b_games == 12 )) || fail "both backends should have served games"
won='hotcold_games_finished_total{end="won"}'
checks='hotcold_games_finished_total{end="abandoned"}'
a_won=$(metric a "$won") || fail "could not scrape a's metrics"
b_won=$(metric b "$won") || fail "could not scrape b's metrics"
(( a_won == a_games && b_won == b_games )) || fail "the meters say a won $a_won and b $b_won; the reports, $a_games and $b_games"
say "scraped both backends' /metrics: $won is $a_won on a and $b_won on b;" \
  "HAProxy's health checks (PARAMS 1 1, NUMBER, CLEAR) are the abandoned games: $(metric a "$checks") on a, $(metric b "$checks") on b"

# --- a game held in play, then its backend stopped ----------------------------------------------
python3 scripts/game-in-play.py 127.0.0.1 "$front_port" 777777 "$work/go" >"$work/game.out" 2>"$work/game.err" &
game_pid=$!
pids+=("$game_pid")
await "the held game in play" grep -qs '^game-in-play: in play' "$work/game.out"
if [[ $(connections_on a) == 1 ]]; then
  stopped=a survivor=b stopped_pid=$a_pid
elif [[ $(connections_on b) == 1 ]]; then
  stopped=b survivor=a stopped_pid=$b_pid
else
  fail "the held game is on no backend: $(servers | tr '\n' ';')"
fi
say "$(cat "$work/game.out") on backend $stopped; SIGTERM to $stopped (pid $stopped_pid)"
kill -TERM "$stopped_pid"
await "$stopped stopping" grep -q '^stopping: no new connections' "$work/$stopped.out"
is_down() { [[ $(status_of "$stopped") == DOWN ]]; }
await "$stopped marked DOWN by the health check" is_down
say "$stopped is stopping: its listener is closed and HAProxy marks it DOWN; its game is still in play"

stopped_before=$(games_on "$stopped")
survivor_before=$(games_on "$survivor")
for _ in 1 2 3; do
  play_through
done
(( $(games_on "$survivor") == survivor_before + 9 )) || fail "new games should all have gone to $survivor"
(( $(games_on "$stopped") == stopped_before )) || fail "$stopped took a new game while stopping"
say "3 x ./hotcold play through haproxy while $stopped drains: 9 games won, all on $survivor"

touch "$work/go"
wait "$game_pid" || fail "the game in play on $stopped did not finish cleanly: $(cat "$work/game.err")"
forget "$game_pid"
say "$(tail -n 1 "$work/game.out")"
status=0
wait "$stopped_pid" || status=$?
forget "$stopped_pid"
(( status == 0 )) || fail "$stopped exited with status $status after SIGTERM"
grep -q '^stopped: every game in play finished$' "$work/$stopped.out" || fail "$stopped did not report a clean stop"
say "$stopped exited with status 0: $(tail -n 1 "$work/$stopped.out")"

play_through
say "one more ./hotcold play through haproxy: 3 games won on $survivor ($(status_of "$survivor")), $stopped $(status_of "$stopped")"

survivor_pid_var="${survivor}_pid"
kill -TERM "${!survivor_pid_var}"
status=0
wait "${!survivor_pid_var}" || status=$?
forget "${!survivor_pid_var}"
(( status == 0 )) || fail "$survivor exited with status $status after SIGTERM"
say "ok in ${SECONDS} s: games through HAProxy on two backends; one stopped mid-game lost nothing"
