#!/usr/bin/env bash
# Real-users accuracy benchmark (issue #8) on PRISM users in the PersonalRewardBench row format. The data is
# CC-BY-NC-4.0 and is read from a path, never copied into this repository. Writes
# infra/bench/results/real-users-<date>.txt: the machine, each command, and what it printed:
#   1. cross-validation on the history (train) rows only, which is how the settings were chosen;
#   2. the default engine on the test rows: plans Ind-1, Ind-4/Pro-4 (the default) and Ind-16/Pro-8, 3 repeats each,
#      with 95% intervals and the baselines (longer response, population model only) on the same rows;
#   3. the same with the users' demographic profiles (--profiles), to show what they add;
#   4. the population model fitted once (pgenrm fit) and used with --model, timed, in a 1 GiB heap.
#   infra/bench/real-users.sh [DATA.jsonl] [PROFILES.jsonl]
#     (defaults ../shared/data/prism-pj/prism-pj-dev.jsonl and its -profiles.jsonl)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/data/prism-pj/prism-pj-dev.jsonl}
profiles=${2:-${data%.jsonl}-profiles.jsonl}
[ -f "$data" ] || { echo "no such file: $data" >&2; exit 2; }
work=$(mktemp -d /tmp/pgenrm-real.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
trap 'rm -rf "$work"' EXIT
out=infra/bench/results/real-users-$(date -u +%F).txt
mkdir -p "$(dirname "$out")"

./mvnw -q -B -ntp package -Dmaven.test.skip=true -pl functions/local-app -am
app=functions/local-app/target/quarkus-app/quarkus-run.jar
export PGENRM_DATA_DIR="$work/pgdata"

# Progress lines ("  Ind-4/Pro-4 run 1/3  25/253 items ..."), not the cost table's rows.
progress='^  Ind-[0-9]+(/Pro-[0-9]+)? run [0-9]+/[0-9]+ '

run() {
  echo "\$ $*" | sed "s|$work|\$WORK|g"
  "$@" 2>&1 | grep -vE "$progress" | sed "s|$work|\$WORK|g"
  echo
}

{
  echo "# pgenrm real-users benchmark, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "data: $data (sha256 $(sha256sum "$data" | cut -c1-12)), profiles: $profiles"
  echo
  run java -jar "$app" cv "$data" --seeds 3
  run java -jar "$app" evaluate "$data" --plans ind1,ind4pro4,ind16pro8 --repeats 3 --report "$work/plain.json"
  if [ -f "$profiles" ]; then
    run java -jar "$app" evaluate "$data" --profiles "$profiles" --plans ind4pro4 --report "$work/profiles.json"
  fi
  run java -jar "$app" fit "$data" --out "$work/model.json"
  # -Xmx1g: finishing at all shows the heap stayed under 1 GiB; the wall time includes the JVM and database start.
  echo "\$ java -Xmx1g -jar $app evaluate $data --model \$WORK/model.json   (fresh database, timed)"
  started=$(date +%s.%N)
  PGENRM_DATA_DIR="$work/pgdata2" java -Xmx1g -jar "$app" evaluate "$data" --model "$work/model.json" \
    --report "$work/model-run.json" 2>&1 | grep -vE "$progress" | sed "s|$work|\$WORK|g"
  echo "wall: $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s with -Xmx1g"
} | tee "$out"
echo "written: $out"
