#!/usr/bin/env bash
# Load benchmark (issue #11): `./pgenrm serve` on the local engine (CPU judge, embedded PostgreSQL), driven by CLIENTS
# closed-loop clients for DURATION seconds after a WARMUP (infra/bench/LoadDriver.java: plain JDK, half whole
# evaluations, half single steps, every request with text no cache has seen). Writes
# infra/bench/results/load-<date>.txt: the machine and its load, p50/p90/p99 latency, throughput, errors (target 0)
# and the server's peak resident memory (VmHWM of the serve JVM; the embedded PostgreSQL's processes apart).
#   infra/bench/load.sh [CLIENTS] [DURATION_S] [WARMUP_S]      (defaults 200 60 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-200}
duration=${2:-60}
warmup=${3:-15}
work=$(mktemp -d /tmp/pgenrm-load.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
server=
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  cp "$work/serve.log" /tmp/pgenrm-load-serve.log 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
out=infra/bench/results/load-$(date -u +%F).txt
mkdir -p "$(dirname "$out")"

./pgenrm --help >/dev/null  # builds the app first when its sources changed, as a user's first run does
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PGENRM_DATA_DIR="$work/pgdata" PGENRM_HTTP_PORT=$port ./pgenrm serve >"$work/serve.log" 2>&1 &
server=$!
ready=
for _ in $(seq 600); do
  curl -s -o /dev/null "http://127.0.0.1:$port/migrateSchema" -X POST && { ready=1; break; }
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
[ -n "$ready" ] || { echo "serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

# Resident memory of the embedded PostgreSQL: the processes started on our data directory and their children
# (pg_ctl detaches the postmaster from the JVM), sampled each second.
rss_pg_peak=0
sample() {
  local pids pg
  pids=$(pgrep -f -- "$work/pgdata" 2>/dev/null || true)
  [ -z "$pids" ] && return 0
  pg=$( { for p in $pids; do ps -o rss= -p "$p"; ps -o rss= --ppid "$p"; done; true; } 2>/dev/null \
    | awk '{s+=$1} END {print s+0}')
  [ "$pg" -gt "$rss_pg_peak" ] && rss_pg_peak=$pg
  return 0
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java infra/bench/LoadDriver.java "http://127.0.0.1:$port" "$clients" "$duration" "$warmup" >"$work/driver.txt" &
driver=$!
while kill -0 "$driver" 2>/dev/null; do sample; sleep 1; done
wait "$driver"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
hwm=$(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$server/status)
rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$server/status)
server_errors=$(grep -cE ' ERROR |Exception' "$work/serve.log" || true)

{
  echo "# pgenrm load benchmark, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1); server JVM options: none (as ./pgenrm runs it)"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "load average (1/5/15 min) before: $load_before, after: $load_after -- the machine is shared with other"
  echo "builds and benchmarks, so latency and throughput here are lower bounds of what a quiet machine does"
  echo "\$ PGENRM_DATA_DIR=\$WORK/pgdata PGENRM_HTTP_PORT=$port ./pgenrm serve"
  echo "\$ java infra/bench/LoadDriver.java http://127.0.0.1:$port $clients $duration $warmup"
  echo
  cat "$work/driver.txt"
  echo
  echo "server (serve JVM): peak resident memory (VmHWM) $hwm, resident at the end $rss"
  echo "embedded PostgreSQL: peak resident memory $(( rss_pg_peak / 1024 )) MiB (all its processes, sampled each second)"
  echo "server log: $server_errors lines with ERROR or an exception"
} | tee "$out"
echo "written: $out"
