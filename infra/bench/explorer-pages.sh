#!/usr/bin/env bash
# Chain explorer page timings (issue #12). Runs ChainExplorerBrowserIT: a batch evaluated with the packaged app, a
# seeded run of 10,000 items beside it in the embedded PostgreSQL, pgenrm serve, and headless Chromium loading every
# page. Writes infra/bench/results/explorer-pages-DATE.json: per page, as the browser measured it, the time to the
# first byte (server), to the last byte (response) and to DOMContentLoaded (ready), the bytes transferred, and the
# machine. The test asserts on what the pages show, never on these times. Each page is visited twice: first while
# the server is cold (the Users page then loads the population), then again.
#   infra/bench/explorer-pages.sh              runs the test
#   infra/bench/explorer-pages.sh --last-run   reads the timings the last ./mvnw verify wrote instead
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != "--last-run" ]; then
  ./mvnw -B -ntp -o verify -pl functions/local-app -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ChainExplorerBrowserIT
fi

mkdir -p infra/bench/results
out="infra/bench/results/explorer-pages-$(date +%Y-%m-%d).json"
python3 - functions/local-app/target/explorer-timings.json "$out" <<'PY'
import json, os, platform, subprocess, sys
timings = json.load(open(sys.argv[1]))
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                     text=True).stdout.strip()
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
browser = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
load = os.getloadavg()
result = {
    "pages": timings,
    "note": "'again' entries are second visits; 'seeded' pages are a run of 10,000 items",
    "machine": f"{os.cpu_count()} cores {cpu}, "
               f"{round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
               f"{platform.system()} {platform.release()}, {jdk}, {browser}",
    "loadAverageAfter": [round(x, 2) for x in load],
}
json.dump(result, open(sys.argv[2], "w"), indent=2)
for page, t in timings.items():
    print(f"{page:70s} server {t.get('serverMillis', 0):7.1f} ms  response {t.get('responseMillis', 0):7.1f} ms  "
          f"ready {t.get('readyMillis', 0):7.1f} ms  {int(t.get('bytes', 0)):>8d} B")
print("written to", sys.argv[2])
PY
