#!/usr/bin/env bash
# Cost per evaluation in the chain format (issue #9), measured at the endpoint. The simulator answers like the
# released P-GenRM checkpoint (--style official: chain-shaped prompts only, anything else gets prose); pgenrm drives it
# with PGENRM_LLM_FORMAT=chain and the paper's prompt set over the example file at Ind-4/Pro-2, once per Pro-M
# (persona, paper), first with no output cut off and then with 5% of the chains cut off at max-tokens. For each run
# it records the requests the endpoint received (GET /stats) beside pgenrm's report. Writes
# infra/bench/results/chain-cost-<date>.txt.
#   infra/bench/chain-cost.sh [DATA.jsonl]   (default examples/personal-reward-bench-sample.jsonl)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-examples/personal-reward-bench-sample.jsonl}
[ -f "$data" ] || { echo "no such file: $data" >&2; exit 2; }
work=$(mktemp -d /tmp/pgenrm-chain-cost.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
sim_pid=
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
out=infra/bench/results/chain-cost-$(date -u +%F).txt
mkdir -p "$(dirname "$out")"

./mvnw -q -B -ntp package -Dmaven.test.skip=true -pl functions/local-app,infra/inference-simulator -am
app=functions/local-app/target/quarkus-app/quarkus-run.jar
sim=infra/inference-simulator/target/pgenrm-inference-simulator.jar
port=18571
progress='^  Ind-[0-9]+(/Pro-[0-9]+)? run [0-9]+/[0-9]+ '

requests() {
  curl -s "http://127.0.0.1:$port/stats" | sed -E 's/^\{"requests":([0-9]+),.*/\1/'
}

serve() {
  java -jar "$sim" serve --port "$port" --latency fixed:1 --max-concurrency 64 --style official --seed 5 \
    --cut-off-rate "$1" >"$work/sim.log" 2>&1 &
  sim_pid=$!
  for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/stats" >/dev/null && return; sleep 0.2; done
  echo "the simulator did not start" >&2; exit 1
}

run() {  # run NAME PRO_M
  local before started
  before=$(requests)
  started=$(date +%s.%N)
  echo "\$ PGENRM_BACKEND=llm PGENRM_LLM_FORMAT=chain PGENRM_LLM_PROMPT_SET=paper PGENRM_MAX_IN_FLIGHT=64 \\"
  echo "    java -jar $app evaluate $data --ind 4 --pro 2 --pro-m $2 --concurrency 8   (fresh database)"
  PGENRM_DATA_DIR="$work/$1" PGENRM_BACKEND=llm PGENRM_LLM_FORMAT=chain PGENRM_LLM_PROMPT_SET=paper \
    PGENRM_LLM_BASE_URL="http://127.0.0.1:$port/v1" PGENRM_MAX_IN_FLIGHT=64 \
    java -jar "$app" evaluate "$data" --ind 4 --pro 2 --pro-m "$2" --concurrency 8 --report "$work/$1.json" 2>&1 \
    | grep -vE "$progress" | grep -v 'BlockedThreadChecker\|^\s*at \|^$' | sed "s|$work|\$WORK|g"
  echo "endpoint: $(( $(requests) - before )) requests during this run (population and evaluations); wall from JVM" \
    "start $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
  echo
}

exec > >(tee "$out")
echo "# pgenrm chain-format cost benchmark, $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "java: $(java -version 2>&1 | head -1)"
echo "data: $data (sha256 $(sha256sum "$data" | cut -c1-12))"
for rate in 0 0.05; do
  echo
  echo "## simulator: --style official --latency fixed:1 --seed 5 --cut-off-rate $rate"
  serve "$rate"
  run "persona-$rate" persona
  run "paper-$rate" paper
  kill "$sim_pid"; wait "$sim_pid" 2>/dev/null || true; sim_pid=
done
echo "written: $out"
