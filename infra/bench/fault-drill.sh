#!/usr/bin/env bash
# Fault drill (issue #3): a batch against the simulated endpoint with 10% 5xx, 5% timeouts and 5% malformed
# outputs, killed with SIGKILL about half way, then rerun with the same run id. Passes when the rerun finishes with
# exactly ITEMS items, each scored or failed with a reason, and the first run's items were not evaluated again.
#   infra/bench/fault-drill.sh [ITEMS]        (default 1000; CI runs it with fewer)
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-1000}
users=$(( (items + 3) / 4 ))
work=$(mktemp -d /tmp/pgenrm-drill.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

app=functions/local-app/target/quarkus-app/quarkus-run.jar
sim=infra/inference-simulator/target/pgenrm-inference-simulator.jar
if [ ! -f "$app" ] || [ ! -f "$sim" ]; then
  ./mvnw -q -B -ntp package -Dmaven.test.skip=true -pl functions/local-app,infra/inference-simulator -am
fi

java -jar "$sim" generate --users "$users" --test-per-user 4 --seed 11 --out "$work/batch.jsonl" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$sim" serve --port "$port" --latency uniform:5:40 --max-concurrency 64 --error-rate 0.10 \
  --timeout-rate 0.05 --hang-ms 60000 --malformed-rate 0.05 --seed 5 >"$work/simulator.log" 2>&1 &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null && break; sleep 0.2; done

export PGENRM_BACKEND=llm PGENRM_LLM_BASE_URL="http://127.0.0.1:$port/v1" PGENRM_LLM_TIMEOUT=2s \
  PGENRM_DATA_DIR="$work/pgdata" PGENRM_MAX_IN_FLIGHT=64 PGENRM_LLM_INITIAL_BACKOFF=PT0.05S \
  PGENRM_LLM_MAX_BACKOFF=PT0.5S
run=(java -jar "$app" evaluate "$work/batch.jsonl" --ind 1 --pro 1 --concurrency 16 --run-id drill
     --report "$work/report.json")

echo "fault drill: $items items, simulated endpoint on port $port (10% 5xx, 5% timeouts, 5% malformed)"
"${run[@]}" >"$work/first.log" 2>&1 &
pid=$!
half=$(( items / 2 ))
killed=no
while kill -0 "$pid" 2>/dev/null; do
  done_now=$(grep -oE '[0-9]+/[0-9]+ items' "$work/first.log" | tail -1 | cut -d/ -f1 || true)
  if [ -n "$done_now" ] && [ "$done_now" -ge "$half" ]; then
    kill -9 "$pid"; killed=yes; break
  fi
  sleep 0.2
done
wait "$pid" 2>/dev/null || true
echo "first run: killed=$killed after $(grep -oE '[0-9]+/[0-9]+ items' "$work/first.log" | tail -1)"
[ "$killed" = yes ] || { cat "$work/first.log"; echo "FAIL: the first run ended before half way"; exit 1; }

"${run[@]}" | tee "$work/second.log"
python3 - "$work/report.json" "$items" "$work/second.log" <<'PY'
import json, re, sys
report, expected, log = json.load(open(sys.argv[1])), int(sys.argv[2]), open(sys.argv[3]).read()
run = report["plans"][0]["runs"][0]
n = run["items"]
resumed = re.search(r"(\d+) items already done", log)
ok = n == expected and resumed and int(resumed.group(1)) >= expected // 2
print(f"rerun: {n} items (expected {expected}); resumed {resumed.group(1) if resumed else 0} finished items; "
      f"correct {run['correct']}, incorrect {run['incorrect']}, ties {run['ties']}, unscored {run['unscored']}, "
      f"failed {run['failed']}, parse failures {run['parseFailures']}, call failures {run['callFailures']}")
sys.exit(0 if ok else 1)
PY
echo "fault drill passed"
