// (d) The ASL executed by aws-local-stepfunctions against the real functions of the local app over HTTP, compared
// with the in-process workflow on the same requests. Starts the local app itself; skipped only without its jar.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freshDataDir, jarMissingReason, serve } from "../asl-local/app.js";
import { differences, evaluateInProcess, REWARD_TOLERANCE } from "../asl-local/compare.js";
import { FUNCTION_ERROR, localWorkflow, TaskError } from "../asl-local/machine.js";
import { REPO } from "./lib.js";

const missing = jarMissingReason();
if (missing) console.log(`# SKIP asl-local: ${missing}`);

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

describe("ASL executed locally against the functions served by the local app", { skip: missing ?? false }, () => {
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
    const post = async (fn, body) => (await fetch(`${app.url}/${fn}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json();
    for (const [index, row] of rows.entries()) {
      if (row.split !== "train") continue;
      const again = await post("registerHistoryRow", { runId: "asl-local-test", index, row });
      assert.deepEqual(again, { itemId: batch.history[index].Output.itemId, history: true, stored: false });
    }
    const rebuilt = await post("buildPopulation", { runId: "asl-local-test", prototypes: 0 });
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
      assert.ok(e.request.history, "prepareBenchmarkItem resolved the history");
      const own = rows.filter((r) => r.user_id === e.request.userId && r.split === "train").length;
      assert.equal(e.request.history.pairs.length, own, `${e.request.userId}: history from storage`);
    }
  });

  test("payloads: every state's input and output and every Task's parameters and result are measured; here all under 200 KiB", async () => {
    const { wf } = await runSmallBatch();
    const { payloads, largestPayload, overLimit } = wf.stats;
    for (const where of ["evaluate/PlanSamples", "evaluate/Samples", "evaluate/ScoreSample", "evaluate/AggregateScores",
      "evaluate-batch/Items/PrepareItem", "evaluate-batch/History/RegisterHistoryRow", "task/ScoreSample", "task/BuildPopulation"]) {
      assert.ok(payloads[where], `${where} measured`);
    }
    // The sample tasks PlanSamples returns, each with the history its persona is induced from, join the state.
    assert.ok(payloads["evaluate/PlanSamples"].output > payloads["evaluate/PlanSamples"].input);
    assert.equal(largestPayload.bytes, Math.max(...Object.values(payloads).flatMap(Object.values)));
    assert.ok(largestPayload.bytes < 200 * 1024, `${largestPayload.where} ${largestPayload.kind}: ${largestPayload.bytes} bytes`);
    assert.equal(overLimit, 0);
  });

  test("evaluate-batch: each evaluation equals the in-process workflow's on the same request", async () => {
    const { wf } = await runSmallBatch();
    let compared = 0;
    for (const { request, result } of wf.evaluations) {
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
    assert.ok(coldStart.every((e) => e.request.history.pairs.length === 0 && e.result.neighbours.length === SCALING.pro),
      "a cold-start user is scored from Pro-M samples of a prototype");
  });

  test("evaluate: direct requests (history given, new user, default scaling, no requestId, 3 candidates, both orders) equal POST /evaluate", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const known = batchWf.evaluations.find((e) => e.request.userId === "u003").request;
    const scenario = known.scenario;
    const requests = [
      { ...known, scaling: { ind: 3, pro: 1, selfWeight: 0.7, prototypeWeight: 0.3 } },
      { requestId: "new-user-1", userId: "new-user", history: { userId: "new-user", pairs: [] }, scenario, scaling: SCALING },
      { requestId: "default-scaling", userId: known.userId, history: known.history, scenario },
      { userId: known.userId, history: known.history, scenario: { ...scenario, candidates: [...scenario.candidates, "A third answer."] }, scaling: SCALING },
      { ...known, requestId: "both-orders", scaling: { ...SCALING, bothOrders: true } },
    ];
    const wf = localWorkflow({ url: app.url });
    for (const request of requests) {
      const result = await wf.evaluate(request);
      const ref = await evaluateInProcess(app.url, request);
      assert.deepEqual(differences(result, ref), [], JSON.stringify({ requestId: request.requestId, scaling: request.scaling }));
    }
    assert.equal((await wf.evaluate(requests[2])).chains.length, 1, "no scaling means Ind-1");
    assert.equal((await wf.evaluate(requests[4])).chains.length, 2 * (SCALING.ind + SCALING.pro), "both orders: a twin per sample");
  });

  test("evaluate: a request without history fails fast with pgenrm.HistoryRequired, before any function is called", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const { userId, scenario } = batchWf.evaluations[0].request;
    const wf = localWorkflow({ url: app.url });
    for (const request of [{ userId, scenario, scaling: SCALING }, { userId, history: null, scenario }]) {
      await assert.rejects(wf.evaluate(request), (e) => {
        assert.equal(e.cause?.name, "pgenrm.HistoryRequired");
        return true;
      });
    }
    assert.equal(wf.stats.lambdaCalls, 0);
  });

  test("Retry: transient Lambda errors are retried by the ASL's Retry and the result is unchanged", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const request = batchWf.evaluations.find((e) => e.request.userId === "u005").request;
    const failedOnce = new Set();
    const fault = async (state, input) => {
      const key = state === "SamplePersona" ? `${state}/${input.Payload.seed}` : state;
      if (["MatchPrototype", "SamplePersona", "ScoreSample"].includes(state) && !failedOnce.has(key)) {
        failedOnce.add(key);
        throw new TaskError("Lambda.ServiceException", `injected: ${state} fails once`);
      }
    };
    const wf = localWorkflow({ url: app.url, fault });
    const result = await wf.evaluate(request);
    assert.ok(wf.stats.retried.includes("MatchPrototype"));
    assert.ok(wf.stats.retried.includes("SamplePersona"));
    assert.ok(wf.stats.retried.includes("ScoreSample"));
    assert.deepEqual(wf.stats.caught, []);
    assert.deepEqual(differences(result, await evaluateInProcess(app.url, request)), []);
  });

  test("Catch: a sample whose scoring fails becomes a CALL_FAILURE chain that aggregateScores accepts", async () => {
    const { wf: batchWf } = await runSmallBatch();
    const request = batchWf.evaluations.find((e) => e.request.userId === "u004").request;
    const fault = async (state, input) => {
      if (state === "ScoreSample" && input.Payload.source === "NEIGHBOUR" && input.Payload.sampleIndex === 0) {
        throw new TaskError("Lambda.Unknown", "injected: the neighbour sample's scoring function crashed");
      }
    };
    const wf = localWorkflow({ url: app.url, fault });
    const result = await wf.evaluate(request);
    const ref = await evaluateInProcess(app.url, request);
    assert.deepEqual(wf.stats.caught, ["ScoreSample"]);
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
      if (state === "InducePersona" && input.Payload.history.userId === "u006") {
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
});

test("run-asl-batch.js: the documented command runs a JSONL file end to end and reports the comparison", { skip: missing ?? false }, async () => {
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
