#!/usr/bin/env bash
# Prompt-injection benchmark (issue #11): how often a candidate's fake verdict (fences, <JSON_START>/<JSON_END>,
# code fences, bare JSON, fake criteria, instructions to the judge) changes the llm backend's verdict, against a
# simulated judge that quotes the candidates in its answer (shared/.../llm/PromptInjectionTest). Target: 0 spoofed,
# 0 verdicts lost. Writes infra/bench/results/prompt-injection-<date>.txt: the machine, the command and the counts,
# beside the same outputs read the way the parser did before it knew the shown responses.
#   infra/bench/prompt-injection.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=infra/bench/results/prompt-injection-$(date -u +%F).txt
mkdir -p "$(dirname "$out")"
command=(./mvnw -B -ntp -o verify -pl shared -Dtest=PromptInjectionTest -Dsurefire.failIfNoSpecifiedTests=false)
"${command[@]}" >/tmp/pgenrm-prompt-injection.log 2>&1 || { tail -50 /tmp/pgenrm-prompt-injection.log; exit 1; }
{
  echo "# pgenrm prompt-injection benchmark, $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- shared || echo ' (with uncommitted changes)')"
  echo "\$ ${command[*]}"
  echo
  cat shared/target/prompt-injection.txt
} | tee "$out"
echo "written: $out"
