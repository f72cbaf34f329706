// (d) The ASL executed by aws-local-stepfunctions against the real functions of the local app over HTTP, compared
// with the in-process workflow on the same requests. Starts the local app itself. Without its jar: under
// PGENRM_REQUIRE_APP_JAR=true (the infra module's integration-test phase, after the app is packaged) a failing test
// says how to build it; otherwise the tests are skipped with that message. PGENRM_ASL_LOCAL=later (the infra
// module's test phase) skips them because that later phase runs them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freshDataDir, jarMissingReason, serve, SIMULATOR_JAR, simulator } from "../asl-local/app.js";
import { differences, evaluateInProcess, REWARD_TOLERANCE, storedEvaluation } from "../asl-local/compare.js";
import { FUNCTION_ERROR, localWorkflow, PAYLOAD_BUDGET, TaskError } from "../asl-local/machine.js";
import { REPO } from "./lib.js";

const later = process.env.PGENRM_ASL_LOCAL === "later" ? "runs in the infra module's integration-test phase" : null;
const requireJars = process.env.PGENRM_REQUIRE_APP_JAR === "true";
const missingJar = jarMissingReason();
const missing = later ?? (requireJars ? null : missingJar);
if (missing) console.log(`# SKIP asl-local: ${missing}`);
if (!later && requireJars && missingJar) {
  test("the local app's jar is built (PGENRM_REQUIRE_APP_JAR=true)", () => assert.fail(missingJar));
}

const SCALING = { ind: 2, pro: 2, selfWeight: 0.5, prototypeWeight: 0.5 };
/** The deterministic CPU judge, whatever the environment selects: equal seeds must give equal rewards. */
const ENV = { PGENRM_BACKEND: "local" };

/**
 * A small batch from the example data, in file order: six users with 3 train rows (history) and 2 test rows each,
 * and 2 test rows of u008, who has no train row (a cold-start user): 32 rows, 14 of them evaluated.
 */
function smallBatch() {
  const lines = readFileSync(join(REPO, "examples", "personal-reward-bench-sample.jsonl"), "utf8").split("\n").filter(Boolean);
  const limits = { train: 3, test: 2 };
  const users = new Set(["u001", "u002", "u003", "u004", "u005", "u006", "u008"]);
  const seen = new Map();
  return lines.filter((line) => {
    const { user_id: user, split } = JSON.parse(line);
    if (!users.has(user)) return false;
    const key = `${user}/${split}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return seen.get(key) <= limits[split];
  });
}

const lines = smallBatch();
const rows = lines.map((l) => JSON.parse(l));

async function post(url, fn, body) {
  const response = await fetch(`${url}/${fn}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /${fn}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

describe("ASL executed locally against the functions served by the local app", { skip: missing ?? missingJar ?? false }, () => {
  let data;
  let app;

  before(async () => {
    // A fresh database: the population comes from the batch's own History map and buildPopulation.
    data = freshDataDir();
    app = await serve({ dataDir: data.dir, env: ENV });
  });

  after(async () => {
    await app?.stop();
    data?.remove();
  });

  /** The batch run once; later tests reuse its prepared requests. */
  let batchRun;
  async function runSmallBatch() {
    if (!batchRun) {
      const wf = localWorkflow({ url: app.url, itemConcurrency: 4, sampleConcurrency: 8 });
      batchRun = { wf, batch: await wf.runBatch({ runId: "asl-local-test", rows, scaling: SCALING }) };
    }
    return batchRun;
  }

  test("evaluate-batch: the History map registers the train rows and buildPopulation builds the population from them", async () => {
    const { batch } = await runSmallBatch();
    assert.equal(batch.history.length, rows.length, "one History child per row");
    batch.history.forEach((r, i) => {
      assert.equal(r.Status, "SUCCEEDED", `${i}: ${r.Error}: ${r.Cause}`);
      if (rows[i].split === "train") assert.equal(r.Output.stored, true, `row ${i} stored once`);
      else assert.deepEqual(r.Output, { history: false }, `row ${i} is not history`);
    });
    assert.deepEqual(batch.population, { users: 6, pairs: 18, personas: 6, prototypes: batch.population.prototypes, failedUsers: 0 });
    assert.ok(batch.population.prototypes >= 1);
    // Registering the rows again (a retried child, a repeated batch) stores nothing twice; the rebuild is the same.
    for (const [index, row] of rows.entries()) {
      if (row.split !== "train") continue;
      const again = await post(app.url, "registerHistoryRow", { runId: "asl-local-test", index, row });
      assert.deepEqual(again, { itemId: batch.history[index].Output.itemId, history: true, stored: false });
    }
    const rebuilt = await post(app.url, "buildPopulation", { runId: "asl-local-test", prototypes: 0 });
    assert.deepEqual({ ...rebuilt, cost: undefined }, { ...batch.population, cost: undefined });
  });

  test("evaluate-batch: every row is prepared, train rows skipped, test rows evaluated and recorded", async () => {
    assert.equal(rows.length, 32);
    const { wf, batch } = await runSmallBatch();
    const failures = batch.results.filter((r) => r.Status === "FAILED").map((r) => `${r.Error}: ${r.Cause}`);
    assert.deepEqual(failures, []);
    assert.equal(batch.status, "SUCCEEDED");
    assert.equal(batch.results.length, rows.length);
    batch.results.forEach((r, i) => {
      const expected = rows[i].split === "train" ? ["SKIPPED"] : ["CORRECT", "INCORRECT", "TIE"];
      assert.ok(expected.includes(r.Output.status), `row ${i} (${rows[i].split}): ${JSON.stringify(r.Output)}`);
      assert.match(r.Output.itemId, new RegExp(`^row-${i}-[0-9a-f]{8}$`), "the row's index and checksum, as pgenrm evaluate");
      assert.equal(r.Output.itemId, batch.history[i].Output.itemId ?? r.Output.itemId);
    });
    assert.equal(wf.evaluations.length, 14, "one nested evaluate execution per test row");
    for (const e of wf.evaluations) {
      assert.equal(e.error, null);
      assert.equal(e.request.history ?? null, null, "the request names the user; the evaluate machine resolves the history");
      // The stored history the evaluation resolved holds the user's train rows, and its own chains were judged from it.
      const own = rows.filter((r) => r.user_id === e.request.userId && r.split === "train").length;
      const history = await post(app.url, "resolveHistory", { userId: e.request.userId });
      assert.equal(history.pairs, own, `${e.request.userId}: history from storage`);
      const stored = await storedEvaluation(app.url, e.result.evaluationId);
      for (const c of stored.chains.filter((x) => x.source === "SELF")) assert.equal(c.persona.historyVersion, history.version);
    }
  });

  test("payloads: every state's input and output and every Task's parameters and result are measured, all within the budget", async () => {
    const { wf } = await runSmallBatch();
    const { payloads, largestPayload, overLimit, overBudget } = wf.stats;
    for (const where of ["evaluate/ResolveHistory", "evaluate/PlanSamples", "evaluate/Samples", "evaluate/ScoreSamples",
      "evaluate/AggregateScores", "evaluate-batch/Items/PrepareItem", "evaluate-batch/History/RegisterHistoryRow",
      "task/ScoreSamples", "build-population/StartPopulation", "build-population/Personas/InducePersonas",
      "build-population/FitPrototypes", "build-population/Membership/AssignPrototypes", "task/PublishPopulation"]) {
      assert.ok(payloads[where], `${where} measured`);
    }
    assert.equal(largestPayload.bytes, Math.max(...Object.values(payloads).flatMap(Object.values)));
    assert.ok(largestPayload.bytes < PAYLOAD_BUDGET, `${largestPayload.where} ${largestPayload.kind}: ${largestPayload.bytes} bytes`);
    assert.equal(overBudget, 0);
    assert.equal(overLimit, 0);
  });

  test("evaluate-batch: each evaluation equals the in-process workflow's on the same request", async () => {
    const { wf } = await runSmallBatch();
    let compared = 0;
    for (const { request, result: summary } of wf.evaluations) {
      // The execution's output is the result without its chains; the whole result is stored under its evaluationId.
      assert.deepEqual(summary.chains, []);
      const result = await storedEvaluation(app.url, summary.evaluationId);
      assert.deepEqual({ ...result, chains: [], evaluationId: summary.evaluationId }, summary);
      const ref = await evaluateInProcess(app.url, request);
      assert.deepEqual(differences(result, ref), [], `${request.requestId} (${request.userId})`);
      // The headline criteria, spelled out: rewards per candidate, choice/tie, number of chains.
      assert.equal(result.rewards.length, 2);
      result.rewards.forEach((r, i) => assert.ok(Math.abs(r.reward - ref.rewards[i].reward) <= REWARD_TOLERANCE));
      assert.equal(result.choice, ref.choice);
      assert.equal(result.tie, ref.tie);
      assert.equal(result.chains.length, ref.chains.length);
      assert.equal(result.chains.length, SCALING.ind + result.neighbours.length);
      compared++;
    }
    assert.equal(compared, 14);
    const coldStart = wf.evaluations.filter((e) => e.request.userId === "u008");
    assert.equal(coldStart.length, 2);
    for (const e of coldStart) {
      assert.equal((await post(app.url, "resolveHistory", { userId: "u008" })).pairs, 0);
      assert.equal(e.result.neighbours.length, SCALING.pro, "a cold-start user is scored from Pro-M samples of a prototype");
    }
  });

  /** Runs the evaluate machine and reads back the whole result (chains included) it stored. */
  const evaluateStored = async (wf, request) => storedEvaluation(app.url, (await wf.evaluate(request)).evaluationId);

  /** u003's history as a caller would give it: the pairs of its train rows, in file order. */
  const historyOf = (userId) => ({
    userId,
    pairs: rows.filter((r) => r.user_id === userId && r.split === "train")
      .map((r) => ({ context: r.context, chosen: r.chosen.content, rejected: r.rejected.content })),
  });

  test("evaluate: direct requests (stored history, given history, new user, default scaling, no requestId, 3 candidates, both orders) equal POST /evaluate", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const known = batchWf.evaluations.find((e) => e.request.userId === "u003").request;
    const scenario = known.scenario;
    const given = { ...historyOf("u003"), pairs: historyOf("u003").pairs.slice(0, 2) };
    const requests = [
      { ...known, scaling: { ind: 3, pro: 1, selfWeight: 0.7, prototypeWeight: 0.3 } },
      { requestId: "new-user-1", userId: "new-user", history: { userId: "new-user", pairs: [] }, scenario, scaling: SCALING },
      { requestId: "default-scaling", userId: known.userId, scenario },
      { userId: known.userId, scenario: { ...scenario, candidates: [...scenario.candidates, "A third answer."] }, scaling: SCALING },
      { ...known, requestId: "both-orders", scaling: { ...SCALING, bothOrders: true } },
      { ...known, requestId: "given-history", history: given },
    ];
    const wf = localWorkflow({ url: app.url });
    for (const request of requests) {
      const result = await evaluateStored(wf, request);
      const ref = await evaluateInProcess(app.url, request);
      assert.deepEqual(differences(result, ref), [], JSON.stringify({ requestId: request.requestId, scaling: request.scaling }));
    }
    assert.equal((await evaluateStored(wf, requests[2])).chains.length, 1, "no scaling means Ind-1");
    assert.equal((await evaluateStored(wf, requests[4])).chains.length, 2 * (SCALING.ind + SCALING.pro), "both orders: a twin per sample");
    // A given history is the one judged from, not the stored one: 2 of u003's 3 pairs.
    const ownChain = (await evaluateStored(wf, requests[5])).chains.find((c) => c.source === "SELF");
    assert.match(ownChain.persona.analysis, /2 past choices/);
  });

  test("evaluate: without a history the stored one is used; a user with none is a cold start", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const { scenario } = batchWf.evaluations[0].request;
    const wf = localWorkflow({ url: app.url });
    const stored = await evaluateStored(wf, { requestId: "stored-u005", userId: "u005", scenario, scaling: SCALING });
    assert.match(stored.chains.find((c) => c.source === "SELF").persona.analysis, /3 past choices/);
    const unknown = await evaluateStored(wf, { requestId: "unknown-user", userId: "nobody", scenario, scaling: SCALING });
    assert.equal(unknown.chains.length, SCALING.ind + SCALING.pro);
    assert.equal(unknown.neighbours.length, SCALING.pro);
  });

  test("Retry: transient Lambda errors are retried by the ASL's Retry and the result is unchanged", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const request = batchWf.evaluations.find((e) => e.request.userId === "u005").request;
    const failedOnce = new Set();
    const fault = async (state, input) => {
      const key = state === "SamplePersona" ? `${state}/${input.Payload.seed}` : state;
      if (["ResolveHistory", "MatchPrototype", "SamplePersona", "ScoreSamples", "AggregateScores"].includes(state) && !failedOnce.has(key)) {
        failedOnce.add(key);
        throw new TaskError("Lambda.ServiceException", `injected: ${state} fails once`);
      }
    };
    const wf = localWorkflow({ url: app.url, fault });
    const result = await evaluateStored(wf, request);
    for (const state of ["ResolveHistory", "MatchPrototype", "SamplePersona", "ScoreSamples", "AggregateScores"]) {
      assert.ok(wf.stats.retried.includes(state), state);
    }
    assert.deepEqual(wf.stats.caught, []);
    assert.deepEqual(differences(result, await evaluateInProcess(app.url, request)), []);
  });

  test("Catch: a sample whose scoring fails is stored as a CALL_FAILURE chain that aggregateScores counts", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const request = batchWf.evaluations.find((e) => e.request.userId === "u004").request;
    const fault = async (state, input) => {
      const { job } = input.Payload;
      if (state === "ScoreSamples" && job.source === "NEIGHBOUR" && job.samples[0].sampleIndex === 0) {
        throw new TaskError("Lambda.Unknown", "injected: the neighbour sample's scoring function crashed");
      }
    };
    const wf = localWorkflow({ url: app.url, fault });
    const result = await evaluateStored(wf, request);
    const ref = await evaluateInProcess(app.url, request);
    assert.deepEqual(wf.stats.caught, ["ScoreSamples"]);
    assert.equal(result.chains.length, ref.chains.length);
    assert.equal(result.callFailures, 1);
    const i = result.chains.findIndex((c) => c.status !== "OK");
    assert.deepEqual(
      { source: result.chains[i].source, personaUserId: result.chains[i].personaUserId, status: result.chains[i].status },
      { source: "NEIGHBOUR", personaUserId: ref.chains[i].personaUserId, status: "CALL_FAILURE" },
    );
    assert.match(result.chains[i].error, /crashed/);
    // Ind-N is untouched; the other chains are the in-process ones.
    result.rewards.forEach((r, c) => assert.ok(Math.abs(r.selfMean - ref.rewards[c].selfMean) <= REWARD_TOLERANCE));
    result.chains.forEach((c, j) => {
      if (j !== i) assert.deepEqual(c.scores, ref.chains[j].scores);
    });
  });

  test("evaluate-batch Catch and tolerance: a failed evaluation is recorded FAILED, an unpreparable row fails its child", async () => {
    const item = rows.find((r) => r.user_id === "u006" && r.split === "test");
    const bad = { ...rows.find((r) => r.user_id === "u001" && r.split === "test") };
    bad.rejected = bad.chosen; // identical answers: prepareBenchmarkItem rejects the row (400)
    const fault = async (state, input) => {
      if (state === "InducePersona" && input.Payload.userId === "u006") {
        throw new TaskError("Lambda.Unknown", "injected: persona induction crashed");
      }
    };
    const wf = localWorkflow({ url: app.url, fault });
    const batch = await wf.runBatch({ runId: "asl-local-test-failures", rows: [item, bad], scaling: SCALING });
    const [recorded, unprepared] = batch.results;
    assert.equal(recorded.Status, "SUCCEEDED");
    assert.equal(recorded.Output.status, "FAILED");
    assert.match(recorded.Output.reason, /^States\.TaskFailed: .*persona induction crashed/);
    assert.ok(wf.stats.caught.includes("Evaluate"));
    assert.equal(unprepared.Status, "FAILED");
    assert.equal(unprepared.Error, FUNCTION_ERROR, "what Lambda reports for any exception of a @Funq method");
    assert.match(unprepared.Cause, /io\.pgenrm\.domain\.InvalidInputException/);
    assert.match(unprepared.Cause, /rejected\.content/);
    assert.equal(batch.failedPercent, 50);
    assert.equal(batch.status, "FAILED");
    assert.equal(batch.error, "States.ExceedToleratedFailureThreshold");
  });

  // Last in this block: its batch builds another population, which the tests above must not see.
  test("payloads at Ind-16/Pro-8 with a 200-pair history stay far within the budget, and do not grow with the history", async () => {
    const all = readFileSync(join(REPO, "examples", "personal-reward-bench-sample.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    // 12 users with 3 train pairs each (enough for 8 neighbours), and u-long: 200 train pairs (other users' rows, as
    // its own), with the test rows of u002.
    const users = [...new Set(all.map((r) => r.user_id))].slice(0, 12);
    const taken = new Map();
    const short = all.filter((r) => users.includes(r.user_id) && r.split === "train"
      && (taken.set(r.user_id, (taken.get(r.user_id) ?? 0) + 1).get(r.user_id) <= 3));
    const long = all.filter((r) => r.split === "train").slice(0, 200).map((r) => ({ ...r, user_id: "u-long" }));
    const tests = all.filter((r) => r.user_id === "u002" && r.split === "test").slice(0, 2).map((r) => ({ ...r, user_id: "u-long" }));
    assert.equal(long.length, 200);
    const plan = { ind: 16, pro: 8, selfWeight: 0.5, prototypeWeight: 0.5 };
    const wf = localWorkflow({ url: app.url, itemConcurrency: 2, sampleConcurrency: 8 });
    const batch = await wf.runBatch({ runId: "asl-local-ind16-pro8", rows: [...short, ...long, ...tests], scaling: plan });
    assert.equal(batch.status, "SUCCEEDED", `${batch.error}: ${batch.cause}`);
    assert.equal(wf.evaluations.length, 2);
    const { largestPayload, overBudget, overLimit, payloads } = wf.stats;
    assert.equal(overBudget, 0);
    assert.equal(overLimit, 0);
    const evaluateLargest = Math.max(...Object.entries(payloads).filter(([w]) => w.startsWith("evaluate/")).flatMap(([, k]) => Object.values(k)));
    // A wide margin: a tenth of the budget, whatever the plan and the history's length.
    assert.ok(evaluateLargest < PAYLOAD_BUDGET / 10, `largest evaluate state ${evaluateLargest} bytes`);
    assert.ok(largestPayload.bytes < PAYLOAD_BUDGET / 10, `${largestPayload.where} ${largestPayload.kind}: ${largestPayload.bytes} bytes`);
    const [first] = wf.evaluations;
    const result = await storedEvaluation(app.url, first.result.evaluationId);
    assert.equal(result.chains.length, 24);
    assert.match(result.chains.find((c) => c.source === "SELF" && c.sampleIndex === 0).persona.analysis, /200 past choices/);
    assert.deepEqual(differences(result, await evaluateInProcess(app.url, first.request)), []);

    // The same scenario and plan for a user with 3 pairs: every state is within a few bytes of u-long's.
    const largestBy = async (userId) => {
      const one = localWorkflow({ url: app.url, sampleConcurrency: 8 });
      await one.evaluate({ ...first.request, requestId: `same-scenario-${userId}`, userId });
      return Object.fromEntries(Object.entries(one.stats.payloads).filter(([w]) => w.startsWith("evaluate/"))
        .map(([w, k]) => [w, Math.max(...Object.values(k))]));
    };
    const [longStates, shortStates] = [await largestBy("u-long"), await largestBy(users[0])];
    for (const [where, bytes] of Object.entries(longStates)) {
      assert.ok(Math.abs(bytes - shortStates[where]) < 64, `${where}: ${bytes} bytes for 200 pairs, ${shortStates[where]} for 3`);
    }
  });
});

const simulatorMissingJar = jarMissingReason(SIMULATOR_JAR);
const simulatorMissing = missing ?? missingJar ?? (requireJars ? null : simulatorMissingJar);
if (!missing && !missingJar && simulatorMissing) console.log(`# SKIP asl-local chain format: ${simulatorMissing}`);
if (!later && requireJars && simulatorMissingJar) {
  test("the simulator's jar is built (PGENRM_REQUIRE_APP_JAR=true)", () => assert.fail(simulatorMissingJar));
}

describe("ASL in the chain format: the user's own samples are one request, so an evaluation costs 1 + M requests", { skip: simulatorMissing ?? simulatorMissingJar ?? false }, () => {
  let data;
  let endpoint;
  let app;

  before(async () => {
    // An endpoint like the fine-tuned checkpoint: it answers chain-shaped prompts only (no cut-offs here, so every
    // request counts once).
    endpoint = await simulator({ args: ["--style", "official", "--latency", "fixed:1", "--max-concurrency", "64", "--seed", "5"] });
    data = freshDataDir();
    app = await serve({
      dataDir: data.dir,
      env: { PGENRM_BACKEND: "llm", PGENRM_LLM_FORMAT: "chain", PGENRM_LLM_PROMPT_SET: "paper", PGENRM_LLM_BASE_URL: endpoint.baseUrl },
    });
  });

  after(async () => {
    await app?.stop();
    await endpoint?.stop();
    data?.remove();
  });

  test("evaluate-batch at Ind-4/Pro-2: every item scored from chains, at 1 + M requests each, as in-process", async () => {
    const plan = { ind: 4, pro: 2, selfWeight: 0.5, prototypeWeight: 0.5 };
    const wf = localWorkflow({ url: app.url, itemConcurrency: 2, sampleConcurrency: 8 });
    const before = await endpoint.stats();
    const batch = await wf.runBatch({ runId: "asl-chain", rows, scaling: plan });
    const after = await endpoint.stats();
    assert.equal(batch.status, "SUCCEEDED", `${batch.error}: ${batch.cause}`);
    assert.equal(wf.evaluations.length, 14);
    let expected = 0;
    for (const e of wf.evaluations) {
      const result = await storedEvaluation(app.url, e.result.evaluationId);
      assert.equal(result.chains.length, plan.ind + result.neighbours.length, e.request.userId);
      assert.ok(result.chains.every((c) => c.status === "OK"), `${e.request.userId}: ${result.chains.map((c) => c.error).join("; ")}`);
      assert.ok(result.choice !== null || result.tie);
      expected += 1 + result.neighbours.length;
    }
    // No persona calls (the chain's analysis is the persona), the own samples in one request with n, one per neighbour.
    assert.equal(after.requests - before.requests, expected);
    assert.equal(after.off_format_prompts - before.off_format_prompts, 0);
    // The in-process workflow sends as many requests for the same evaluation.
    const one = wf.evaluations.find((e) => e.request.userId === "u003");
    const neighbours = (await storedEvaluation(app.url, one.result.evaluationId)).neighbours.length;
    const ahead = await endpoint.stats();
    await evaluateInProcess(app.url, one.request);
    assert.equal((await endpoint.stats()).requests - ahead.requests, 1 + neighbours);
  });
});

test("run-asl-batch.js: the documented command runs a JSONL file end to end and reports the comparison", { skip: missing ?? missingJar ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "pgenrm-asl-cli-"));
  try {
    const input = join(dir, "batch.jsonl");
    // Every other user of the small batch keeps it short: u001, u003, u005 and the cold-start u008.
    writeFileSync(input, lines.filter((l) => ["u001", "u003", "u005", "u008"].includes(JSON.parse(l).user_id)).join("\n") + "\n");
    const out = join(dir, "results.json");
    const { stdout } = await promisify(execFile)(process.execPath,
      [join(REPO, "infra", "checks", "run-asl-batch.js"), input, "--ind", "2", "--pro", "1", "--out", out],
      { cwd: join(REPO, "infra", "checks"), timeout: 120_000, env: { ...process.env, ...ENV } });
    assert.match(stdout, /batch asl-batch: SUCCEEDED {2}17 rows/);
    assert.match(stdout, /comparison with the in-process workflow .*: 8\/8 identical/);
    const report = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(report.evaluations.length, 8);
    assert.ok(report.evaluations.every((e) => e.differences.length === 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
