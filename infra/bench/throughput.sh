#!/usr/bin/env bash
# Throughput benchmark (issue #3): EVALS evaluations at Ind-8/Pro-4 on the llm backend against the simulated
# endpoint with a fixed call latency and a concurrency cap. Writes infra/bench/results/throughput-<date>.json:
#   throughput / ideal, where ideal = cap / (latency x calls per evaluation)
#   evaluation latency in units of one call latency (mean over evaluations)
#   JVM heap peak (jstat, sampled every 200 ms)
#   infra/bench/throughput.sh [EVALS] [LATENCY_MS] [CAP]      (defaults 1000 200 64)
set -euo pipefail
cd "$(dirname "$0")/../.."
evals=${1:-1000}
latency=${2:-200}
cap=${3:-64}
work=$(mktemp -d /tmp/pgenrm-bench.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

app=functions/local-app/target/quarkus-app/quarkus-run.jar
sim=infra/inference-simulator/target/pgenrm-inference-simulator.jar
./mvnw -q -B -ntp package -Dmaven.test.skip=true -pl functions/local-app,infra/inference-simulator -am

java -jar "$sim" generate --users $(( (evals + 3) / 4 )) --test-per-user 4 --seed 7 --out "$work/bench.jsonl" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar "$sim" serve --port "$port" --latency "fixed:$latency" --max-concurrency "$cap" --seed 1 \
  >"$work/simulator.log" 2>&1 &
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null && break; sleep 0.2; done

# Ind-8/Pro-4 staged: one rubric request for the 8 own samples (n = 8) and 4 for the neighbours, then 12 scoring
# calls: about 17 calls over two call latencies, so about 8 in flight per evaluation on average. About cap/7
# evaluations in flight keep about cap calls at the endpoint; the sample pool holds the calls to the cap (and the
# inference client's connection pool is twice that, see InferenceConnectionPool).
export PGENRM_BACKEND=llm PGENRM_LLM_BASE_URL="http://127.0.0.1:$port/v1" PGENRM_DATA_DIR="$work/pgdata" \
  PGENRM_MAX_IN_FLIGHT="$cap"
java -Xmx1g -jar "$app" evaluate "$work/bench.jsonl" \
  --ind 8 --pro 4 --concurrency $(( (cap + 6) / 7 )) \
  --run-id bench --report "$work/report.json" >"$work/run.log" 2>&1 &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  used=$(jstat -gc "$pid" 2>/dev/null | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)*1024}' || true)
  [ -n "$used" ] && [ "$used" -gt "$peak" ] && peak=$used
  sleep 0.2
done
wait "$pid"
cat "$work/run.log"

mkdir -p infra/bench/results
out="infra/bench/results/throughput-$(date +%Y-%m-%d).json"
python3 - "$work/report.json" "$latency" "$cap" "$peak" "$out" "$work/simulator.log" <<'PY'
import json, os, platform, subprocess, sys
report_path, latency_ms, cap, peak, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
report = json.load(open(report_path))
run = report["plans"][0]["runs"][0]
items = run["items"]
wall_s = run["wallMillis"] / 1000
calls_per_eval = run["callsPerItem"]
throughput = items / wall_s
ideal = cap / (latency_ms / 1000 * calls_per_eval)
mean_eval_ms = run.get("meanItemMillis")
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                     text=True).stdout.strip()
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
result = {
    "evaluations": items, "scaling": run["scaling"], "callLatencyMs": latency_ms, "concurrencyCap": cap,
    "wallSeconds": round(wall_s, 2), "callsPerEvaluation": round(calls_per_eval, 2),
    "throughputEvalsPerSecond": round(throughput, 3), "idealEvalsPerSecond": round(ideal, 3),
    "throughputOverIdeal": round(throughput / ideal, 3),
    "evaluationLatencyInCallLatencies": None if mean_eval_ms is None else round(mean_eval_ms / latency_ms, 2),
    "heapPeakMiB": round(peak / 2**20, 1), "accuracy": run["accuracy"],
    "machine": f"{os.cpu_count()} cores {cpu}, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
               f"{platform.system()} {platform.release()}, {jdk}",
}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
print("written to", out)
PY
