#!/usr/bin/env bash
# Population build at scale (issue #13): USERS synthetic users (default 100,000) through PopulationBuild's steps, the
# ones build-population.asl.json runs on Step Functions (start, personas by batch, one fit, memberships by batch,
# publish), in this process with the local engine; an in-memory store stands in for the database. Prints each step's
# time and the peak memory; writes infra/bench/results/population-scale-<date>.txt with the machine.
#   infra/bench/population-scale.sh [USERS] [HEAP]      (defaults 100000 3g)
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-100000}
heap=${2:-3g}
out=infra/bench/results/population-scale-$(date -u +%F).txt
mkdir -p "$(dirname "$out")"

# The benchmark is test code (never shipped): compile it and read the test classpath.
./mvnw -q -B -ntp -o test-compile -pl shared
cp_file=$(mktemp /tmp/pgenrm-population-cp.XXXXXX)
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -o dependency:build-classpath -pl shared -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"

{
  echo "# pgenrm population-scale benchmark, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1), -Xmx$heap"
  echo "\$ infra/bench/population-scale.sh $users $heap"
  java -Xmx"$heap" -cp "shared/target/test-classes:shared/target/classes:$(cat "$cp_file")" \
    io.pgenrm.workflow.PopulationScaleBenchmark "$users" examples/personal-reward-bench-sample.jsonl 2>&1 \
    | grep --line-buffered -v '^SLF4J('  # DJL's logging facade finds no provider outside Quarkus
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
echo "results: $out"
