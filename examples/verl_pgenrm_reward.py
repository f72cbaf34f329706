"""pgenrm as a verl reward function: personalized rewards from a pgenrm server. Python standard library only.

verl configuration (batch manager: a step's responses go in one request, and the server judges each user's
responses to one prompt together, as GRPO samples them):

    reward_model.reward_manager=batch
    custom_reward_function.path=examples/verl_pgenrm_reward.py
    custom_reward_function.name=compute_score_batch

(name=compute_score works with the default manager too, one request per response: no groups, no concurrency.)

Data: each row's reward_model.ground_truth is the user id, and extra_info.prompt is the prompt, as text or as chat
messages [{"role": "user", "content": "..."}]. An unknown user id is a cold-start user.

Environment:
    PGENRM_URL         server, default http://127.0.0.1:8080 (a Lambda function URL works too)
    PGENRM_API_KEY     sent as 'Authorization: Bearer KEY' when set (pgenrm serve with PGENRM_API_KEY)
    PGENRM_AWS_SIGV4   1: sign requests with AWS Signature V4 for a function URL with IAM auth, from
                       AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and AWS_REGION
    PGENRM_VALUE       reward (default: the judge's 1-10 scale) or score (the same in [0, 1])
    PGENRM_TIMEOUT     seconds per attempt, default 180; PGENRM_RETRIES attempts, default 5
    PGENRM_ON_FAILURE  raise (default) or nan

A response the server could not judge has no reward. It is never turned into 0: by default the call raises
PgenrmRewardError with the server's reasons, so the step fails loudly; with PGENRM_ON_FAILURE=nan the response gets
float('nan'), for a trainer set up to drop such samples.
"""

import datetime
import hashlib
import hmac
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request


class PgenrmRewardError(RuntimeError):
    """Some responses have no reward; `errors` maps their positions to the server's reasons."""

    def __init__(self, errors):
        super().__init__("pgenrm could not judge %d response(s): %s" % (len(errors), next(iter(errors.values()))))
        self.errors = errors


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl's per-response reward function."""
    return compute_score_batch([data_source], [solution_str], [ground_truth], [extra_info])[0]


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    """verl's batch reward function: one value per response, in order."""
    extra_infos = list(extra_infos) if extra_infos is not None else [None] * len(solution_strs)
    items = [{"user_id": _user_id(truth), "prompt": _prompt(info), "responses": [solution]}
             for solution, truth, info in zip(solution_strs, ground_truths, extra_infos)]
    answer = post("/v1/rewards", {"items": items})
    field = os.environ.get("PGENRM_VALUE", "reward")
    values, errors = [], {}
    for position, item in enumerate(answer["items"]):
        verdict = item["rewards"][0]
        if verdict["error"] is not None:
            errors[position] = verdict["error"]
            values.append(float("nan"))
        else:
            values.append(float(verdict[field]))
    if errors and os.environ.get("PGENRM_ON_FAILURE", "raise") != "nan":
        raise PgenrmRewardError(errors)
    return values


def _user_id(ground_truth):
    text = "" if ground_truth is None else str(ground_truth).strip()
    return text or "anonymous"


def _prompt(extra_info):
    prompt = (extra_info or {}).get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        return [{"role": "user", "content": prompt}]
    if isinstance(prompt, (list, tuple)) and prompt:
        return [{"role": str(m["role"]), "content": str(m["content"])} for m in prompt]
    raise ValueError("extra_info.prompt is required: the prompt, as text or chat messages")


def post(path, body):
    """POSTs JSON to the server, retrying connection errors, 429 and 5xx; a 4xx is the caller's to fix."""
    url = os.environ.get("PGENRM_URL", "http://127.0.0.1:8080").rstrip("/") + path
    data = json.dumps(body).encode("utf-8")
    attempts = int(os.environ.get("PGENRM_RETRIES", "5"))
    timeout = float(os.environ.get("PGENRM_TIMEOUT", "180"))
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(url, data=data, method="POST", headers=_headers(url, data))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            if e.code != 429 and e.code < 500 or attempt == attempts:
                raise RuntimeError("pgenrm answered %d: %s" % (e.code, e.read().decode("utf-8", "replace")))
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            if attempt == attempts:
                raise
        time.sleep(min(30.0, 2 ** (attempt - 1)))


def _headers(url, data):
    headers = {"Content-Type": "application/json"}
    key = os.environ.get("PGENRM_API_KEY")
    if key:
        headers["Authorization"] = "Bearer " + key
    if os.environ.get("PGENRM_AWS_SIGV4") == "1":
        headers.update(sigv4_headers("POST", url, headers, data, os.environ["AWS_REGION"], "lambda",
                                     os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"],
                                     os.environ.get("AWS_SESSION_TOKEN"), datetime.datetime.now(datetime.timezone.utc)))
    return headers


def sigv4_headers(method, url, headers, body, region, service, access_key, secret_key, session_token, now):
    """The x-amz-date, session token and Authorization headers of AWS Signature Version 4."""
    parts = urllib.parse.urlsplit(url)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    payload_hash = hashlib.sha256(body).hexdigest()
    signed = {k.lower(): " ".join(str(v).split()) for k, v in headers.items()}
    signed["host"] = parts.netloc
    signed["x-amz-date"] = amz_date
    if session_token:
        signed["x-amz-security-token"] = session_token
    names = sorted(signed)
    query = "&".join("%s=%s" % (urllib.parse.quote(k, safe="-_.~"), urllib.parse.quote(v, safe="-_.~"))
                     for k, v in sorted(urllib.parse.parse_qsl(parts.query, keep_blank_values=True)))
    canonical = "\n".join([method, urllib.parse.quote(parts.path or "/", safe="/-_.~"), query,
                           "".join("%s:%s\n" % (n, signed[n]) for n in names), ";".join(names), payload_hash])
    scope = "%s/%s/%s/aws4_request" % (amz_date[:8], region, service)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret_key).encode()
    for part in (amz_date[:8], region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    out = {n: signed[n] for n in names if n.startswith("x-amz-")}
    out["Authorization"] = "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        access_key, scope, ";".join(names), signature)
    return out


if __name__ == "__main__":
    import sys

    rows = json.load(sys.stdin)
    print(json.dumps(compute_score_batch([r.get("data_source", "pgenrm") for r in rows],
                                         [r["solution_str"] for r in rows], [r["ground_truth"] for r in rows],
                                         [r.get("extra_info") for r in rows]),
                     allow_nan=True))
