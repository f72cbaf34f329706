#!/usr/bin/env bash
# GRPO-shaped reward benchmark (issue #10): STEPS training steps, each one POST /get_reward (OpenRLHF's body) of
# PROMPTS prompts x K responses, for the generated users (about 10% of them cold start), on the llm backend against
# the simulated endpoint with a fixed call latency and a concurrency cap. Writes
# infra/bench/results/grpo-rewards-<date>.json:
#   rewards/s against the ideal, ideal = cap / (latency x calls per reward), calls counted by the endpoint
#   step latency p50 / p99, failed rewards, calls per group, CPU seconds per step of the server and the simulator
# Two warm-up steps (other prompts) run first and are reported apart: a training run lasts hours, so the JVMs' first
# seconds of compiling their hot paths are not its pace.
#   infra/bench/grpo-rewards.sh [STEPS] [PROMPTS] [K] [LATENCY_MS] [CAP]      (defaults 20 64 8 200 64)
set -euo pipefail
cd "$(dirname "$0")/../.."
steps=${1:-20}
prompts=${2:-64}
k=${3:-8}
latency=${4:-200}
cap=${5:-64}
work=$(mktemp -d /tmp/pgenrm-grpo.XXXXXX)
chmod 755 "$work"  # the embedded PostgreSQL runs as nobody when we are root
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

app=functions/local-app/target/quarkus-app/quarkus-run.jar
sim=infra/inference-simulator/target/pgenrm-inference-simulator.jar
./mvnw -q -B -ntp package -Dmaven.test.skip=true -pl functions/local-app,infra/inference-simulator -am

# One user per prompt of a step, each with STEPS test rows: step s asks user i their s-th question. Their train rows
# are the served users' histories; users the generator gave no history are cold-start users.
warmup=2
java -jar "$sim" generate --users "$prompts" --test-per-user $((steps + warmup)) --seed 11 --out "$work/users.jsonl" \
  >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sim_port=$(free_port)
app_port=$(free_port)
java -jar "$sim" serve --port "$sim_port" --latency "fixed:$latency" --max-concurrency "$cap" --seed 1 \
  >"$work/simulator.log" 2>&1 &
sim_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$sim_port/v1/models" >/dev/null && break; sleep 0.2; done

# Ind-4/Pro-4 staged (the reward API's default plan): per group one rubric request for the 4 own samples (n = 4),
# 4 neighbour rubrics, then 8 scoring calls. The judge calls of all groups are held to pgenrm.max-in-flight, set to
# twice the endpoint's slots as one would for vLLM: a freed slot is then taken at once from the endpoint's queue,
# not after this server has prepared its next request (with it equal to the cap, 0.78 of ideal on 2026-12-02).
PGENRM_BACKEND=llm PGENRM_LLM_BASE_URL="http://127.0.0.1:$sim_port/v1" PGENRM_DATA_DIR="$work/pgdata" \
  PGENRM_MAX_IN_FLIGHT="$((2 * cap))" PGENRM_HTTP_PORT="$app_port" \
  java -Xmx1g -jar "$app" serve --users "$work/users.jsonl" >"$work/serve.log" 2>&1 &
app_pid=$!
for _ in $(seq 600); do grep -q "pgenrm: serving" "$work/serve.log" && break; sleep 0.5; done
grep "pgenrm: serving" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }

mkdir -p infra/bench/results
out="infra/bench/results/grpo-rewards-$(date +%Y-%m-%d).json"
python3 - "$work/users.jsonl" "http://127.0.0.1:$app_port" "http://127.0.0.1:$sim_port" "$steps" "$prompts" "$k" \
  "$latency" "$cap" "$out" "$app_pid" "$sim_pid" "$warmup" <<'PY'
import json, os, platform, random, subprocess, sys, threading, time, urllib.request

data, app, sim, steps, prompts, k, latency_ms, cap, out, app_pid, sim_pid, warmup = sys.argv[1:]
steps, prompts, k, latency_ms, cap, warmup = int(steps), int(prompts), int(k), float(latency_ms), int(cap), int(warmup)
rows = [json.loads(line) for line in open(data)]
users = sorted({r["user_id"] for r in rows})[:prompts]
tests = {u: [r for r in rows if r["user_id"] == u and r["split"] == "test"] for u in users}
answers = [r[side]["content"] for r in rows for side in ("chosen", "rejected")]
with_history = {r["user_id"] for r in rows if r["split"] == "train"}
rng = random.Random(5)

def chat(question):
    return "<|im_start|>user\n" + question + "<|im_end|>\n<|im_start|>assistant\n"

def post(url, body=None):
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())

def cpu_seconds(pid):
    """User plus system CPU time of a process so far: on a shared machine, what the JVMs needed."""
    fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def calls():
    return post(sim + "/stats")["requests"]

def run_step(step):
    """One training step: every user's question of this step with K responses, in one request. Returns the answer."""
    query, prompt_list, labels = [], [], []
    for user in users:
        row = tests[user][step % len(tests[user])]
        prompt = chat(row["context"][-1]["content"])
        group = [row["chosen"]["content"], row["rejected"]["content"]] + rng.sample(answers, k - 2)
        for response in group[:k]:
            query.append(prompt + response + "<|im_end|>")
            prompt_list.append(prompt)
            labels.append(user)
    return post(app + "/get_reward", {"query": query, "prompts": prompt_list, "labels": labels})

warmup_latencies = []
for step in range(warmup):
    t0 = time.monotonic()
    run_step(steps + step)
    warmup_latencies.append(round(time.monotonic() - t0, 2))
    print("warm-up step %d/%d: %.2f s" % (step + 1, warmup, warmup_latencies[-1]), flush=True)

# Calls in service at the endpoint, sampled while the steps run: near the cap means the cap was kept busy.
in_service, running = [], True
def sample_in_service():
    while running:
        in_service.append(post(sim + "/stats")["in_service"])
        time.sleep(0.1)
sampler = threading.Thread(target=sample_in_service, daemon=True)

latencies, rewards, failed, cached = [], 0, 0, 0
calls_before = calls()
cpu_before = {"server": cpu_seconds(app_pid), "simulator": cpu_seconds(sim_pid)}
sampler.start()
started = time.monotonic()
for step in range(steps):
    t0 = time.monotonic()
    answer = run_step(step)
    latencies.append(time.monotonic() - t0)
    rewards += sum(r is not None for r in answer["rewards"])
    failed += sum(answer["extra_logs"]["failed"])
    cached += sum(answer["extra_logs"]["cached"])
    print("step %d/%d: %.2f s, %d failed" % (step + 1, steps, latencies[-1], sum(answer["extra_logs"]["failed"])),
          flush=True)
wall = time.monotonic() - started
running = False
sampler.join()
cpu = {name: cpu_seconds(pid) - cpu_before[name] for name, pid in (("server", app_pid), ("simulator", sim_pid))}
stats = post(sim + "/stats")
endpoint_calls = stats["requests"] - calls_before
groups = steps * len(users)
calls_per_reward = endpoint_calls / max(1, rewards)
ideal = cap / (latency_ms / 1000 * calls_per_reward)
ordered = sorted(latencies)
pct = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
model = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                       text=True).stdout.strip()
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
result = {
    "steps": steps, "warmupStepSeconds": warmup_latencies, "promptsPerStep": len(users), "responsesPerPrompt": k, "plan": "Ind-4/Pro-4 staged", "maxInFlight": 2 * cap,
    "coldStartUsers": sum(u not in with_history for u in users),
    "callLatencyMs": latency_ms, "concurrencyCap": cap, "wallSeconds": round(wall, 2),
    "rewards": rewards, "failedRewards": failed, "cachedRewards": cached,
    "endpointCalls": endpoint_calls, "callsPerGroup": round(endpoint_calls / groups, 2),
    "callsPerReward": round(calls_per_reward, 3),
    "meanCallsInService": round(sum(in_service) / max(1, len(in_service)), 1),
    "maxCallsInService": stats["max_in_service_observed"],
    "rewardsPerSecond": round(rewards / wall, 2), "idealRewardsPerSecond": round(ideal, 2),
    "rewardsPerSecondOverIdeal": round(rewards / wall / ideal, 3),
    "stepLatencySeconds": {"p50": round(pct(50), 3), "p99": round(pct(99), 3), "max": round(ordered[-1], 3),
                           "ideal": round(endpoint_calls / steps / cap * latency_ms / 1000, 3)},
    "cpuSecondsPerStep": {name: round(seconds / steps, 2) for name, seconds in cpu.items()},
    "machine": f"{os.cpu_count()} cores {model}, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
               f"{platform.system()} {platform.release()}, {jdk}, load average {os.getloadavg()[0]:.1f}",
}
json.dump(result, open(out, "w"), indent=2)
print(json.dumps(result, indent=2))
print("written to", out)
PY
