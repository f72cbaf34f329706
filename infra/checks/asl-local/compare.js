// Compares an EvaluationResult produced by the ASL with the in-process workflow's for the same EvaluateRequest.

export const REWARD_TOLERANCE = 1e-9;

const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= REWARD_TOLERANCE);
/** JSON with object keys sorted: key order carries no meaning (Persona.featureWeights is a Map.copyOf, unordered). */
const canonical = (v) =>
  Array.isArray(v) ? v.map(canonical)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]))
      : v;
const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const spent = (cost) => (cost?.calls ?? 0) + (cost?.cachedCalls ?? 0);

/**
 * The differences between two EvaluationResults, as readable lines; empty when they agree. Rewards (reward,
 * selfMean, prototypeMean) per candidate within 1e-9, choice, tie, the chains (count, then each chain's source,
 * whose persona, index, seed, status, persona, rubric and per-candidate totals), the prototype and neighbours, the
 * failure counts, and the calls made (calls + cachedCalls: which side a persona cache served is order-dependent).
 * Token counts and wall time are not compared. Rubrics are compared in order: criteria with tied weights are listed
 * by name (LocalJudge), and Persona keeps its feature weights sorted, so the order is the same in every process.
 */
export function differences(asl, ref) {
  const out = [];
  if (!asl || !ref) return [`missing result (asl ${!!asl}, in-process ${!!ref})`];
  if (asl.rewards.length !== ref.rewards.length) out.push(`rewards: ${asl.rewards.length} candidates vs ${ref.rewards.length}`);
  asl.rewards.forEach((r, i) => {
    const q = ref.rewards[i];
    if (!q) return;
    for (const k of ["candidate", "reward", "selfMean", "prototypeMean"]) {
      if (!close(r[k] ?? null, q[k] ?? null)) out.push(`rewards[${i}].${k}: ${r[k]} vs ${q[k]}`);
    }
  });
  if (asl.choice !== ref.choice) out.push(`choice: ${asl.choice} vs ${ref.choice}`);
  if (asl.tie !== ref.tie) out.push(`tie: ${asl.tie} vs ${ref.tie}`);
  if (asl.chains.length !== ref.chains.length) out.push(`chains: ${asl.chains.length} vs ${ref.chains.length}`);
  asl.chains.forEach((c, i) => {
    const d = ref.chains[i];
    if (!d) return;
    for (const k of ["source", "personaUserId", "sampleIndex", "seed", "status"]) {
      if (c[k] !== d[k]) out.push(`chains[${i}].${k}: ${c[k]} vs ${d[k]}`);
    }
    if (!same(c.persona, d.persona)) out.push(`chains[${i}].persona differs`);
    if (JSON.stringify(c.rubric ?? null) !== JSON.stringify(d.rubric ?? null)) out.push(`chains[${i}].rubric differs`);
    const totals = (x) => x.scores.map((s) => [s.candidate, s.total]);
    const [a, b] = [totals(c), totals(d)];
    if (a.length !== b.length || a.some(([n, t], j) => n !== b[j][0] || !close(t, b[j][1]))) {
      out.push(`chains[${i}].scores: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    if (spent(c.cost) !== spent(d.cost)) out.push(`chains[${i}].cost calls: ${spent(c.cost)} vs ${spent(d.cost)}`);
  });
  for (const k of ["userId", "prototypeId", "parseFailures", "callFailures"]) {
    if (asl[k] !== ref[k]) out.push(`${k}: ${asl[k]} vs ${ref[k]}`);
  }
  if (!same(asl.neighbours, ref.neighbours)) out.push(`neighbours: ${JSON.stringify(asl.neighbours)} vs ${JSON.stringify(ref.neighbours)}`);
  if (spent(asl.cost) !== spent(ref.cost)) out.push(`cost calls: ${spent(asl.cost)} vs ${spent(ref.cost)}`);
  return out;
}

/** The largest |reward difference| over all candidates of a result pair (0 when no candidate is shared). */
export function maxRewardDifference(asl, ref) {
  let max = 0;
  (asl?.rewards ?? []).forEach((r, i) => {
    const q = ref?.rewards?.[i];
    if (q) max = Math.max(max, Math.abs(r.reward - q.reward));
  });
  return max;
}

/** POST /evaluate: the in-process workflow (EvaluationWorkflow) of the same local app. */
export async function evaluateInProcess(url, request) {
  const response = await fetch(`${url}/evaluate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /evaluate: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * POST /storedEvaluation: the whole result (chains included) an evaluate execution stored under its evaluationId; the
 * execution's own output carries the result without its chains.
 */
export async function storedEvaluation(url, evaluationId) {
  const response = await fetch(`${url}/storedEvaluation`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ evaluationId }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /storedEvaluation: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * Every evaluation the ASL ran (its stored result, chains included), side by side with the in-process workflow's
 * result for the same request.
 */
export async function compareAll(url, evaluations) {
  const items = [];
  for (const { request, result, error } of evaluations) {
    const entry = { requestId: request.requestId, userId: request.userId, asl: result, aslError: error };
    try {
      if (result) entry.asl = await storedEvaluation(url, result.evaluationId);
      entry.inProcess = await evaluateInProcess(url, request);
    } catch (e) {
      entry.inProcessError = e.message;
    }
    entry.differences = error ? [`ASL execution failed: ${error.Error}: ${error.Cause}`] : differences(entry.asl, entry.inProcess);
    if (entry.inProcessError) entry.differences.push(entry.inProcessError);
    entry.maxRewardDifference = maxRewardDifference(entry.asl, entry.inProcess);
    items.push(entry);
  }
  return {
    items,
    compared: items.length,
    identical: items.filter((i) => i.differences.length === 0).length,
    maxRewardDifference: Math.max(0, ...items.map((i) => i.maxRewardDifference)),
  };
}
