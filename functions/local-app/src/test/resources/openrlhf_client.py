"""A client shaped like OpenRLHF's remote reward model call (--remote_rm_url), in the standard library.

Reads {"url": ..., "query": [...], "prompts": [...], "labels": [...]} on stdin, POSTs the three lists as OpenRLHF
does (JSON, 180 s timeout, 5 attempts one second apart), and checks the answer the way OpenRLHF uses it: rewards and
scores one per query, every extra_logs value one per query. Prints what it received as JSON.
"""

import json
import sys
import time
import urllib.request

job = json.load(sys.stdin)
body = json.dumps({"query": job["query"], "prompts": job["prompts"], "labels": job["labels"]}).encode()
for attempt in range(5):
    try:
        request = urllib.request.Request(job["url"], data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=180) as response:
            answer = json.loads(response.read())
        break
    except Exception as e:  # OpenRLHF logs and retries on any error
        print("attempt %d failed: %s" % (attempt + 1, e), file=sys.stderr)
        time.sleep(1)
else:
    sys.exit("no answer after 5 attempts")

n = len(job["query"])
assert len(answer["rewards"]) == n, "one reward per query"
assert len(answer["scores"]) == n, "one score per query"
for key, values in answer["extra_logs"].items():
    assert len(values) == n, "extra_logs[%s] must hold one value per query" % key
failed = answer["extra_logs"]["failed"]
for i in range(n):
    if failed[i]:
        assert answer["rewards"][i] is None, "a failed query carries no reward"
    else:
        float(answer["rewards"][i])
        assert 0.0 <= float(answer["scores"][i]) <= 1.0
print(json.dumps(answer))
