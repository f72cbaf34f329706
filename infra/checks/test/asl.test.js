import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ASL_FILES, allStates, loadAsl, readTemplate, templateVars } from "./lib.js";

const require = createRequire(import.meta.url);
const validator = require("asl-validator");

const LAMBDA_ERRORS = [
  "Lambda.TooManyRequestsException",
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
];

/** What Lambda reports for any exception a @Funq method throws (Funqy wraps it; see asl-local/machine.js). */
const FUNCTION_ERROR = "io.quarkus.funqy.runtime.ApplicationException";
/** Tasks whose function calls the model: an ApplicationException there is, in practice, the endpoint failing. */
const MODEL_TASKS = ["InducePersona", "SamplePersona", "GenerateRubric", "ScoreSamples", "StartPopulation", "InducePersonas", "FitPrototypes"];

const COST_FIELDS = ["calls", "promptTokens", "completionTokens", "cachedCalls", "wallMillis", "cutOffOutputs", "retries",
  "serverErrors", "rateLimited", "timeouts", "resamples"]; // CallCost
const evaluate = loadAsl("evaluate.asl.json");
const batch = loadAsl("evaluate-batch.asl.json");
const build = loadAsl("build-population.asl.json");
const machines = { "evaluate.asl.json": evaluate, "evaluate-batch.asl.json": batch, "build-population.asl.json": build };
const tasks = (m) => allStates(m).filter(([, s]) => s.Type === "Task");
const lambdaTasks = (m) => tasks(m).filter(([, s]) => s.Resource === "arn:aws:states:::lambda:invoke");

for (const file of ASL_FILES) {
  test(`${file}: every template variable is a plain identifier inside a JSON string`, () => {
    const text = readTemplate(file);
    assert.ok(templateVars(text).size > 0);
    // Terraform directives would not survive JSON editing tools.
    assert.doesNotMatch(text, /%\{/);
    JSON.parse(text); // valid JSON before substitution too
  });

  test(`${file}: passes asl-validator after substitution`, () => {
    const { isValid, errors } = validator(machines[file]);
    assert.ok(isValid, JSON.stringify(errors, null, 2));
  });

  test(`${file}: every Task has TimeoutSeconds and Retry with full jitter and bounded attempts`, () => {
    const found = tasks(machines[file]);
    assert.ok(found.length > 0);
    for (const [, state, path] of found) {
      assert.ok(Number.isInteger(state.TimeoutSeconds) && state.TimeoutSeconds > 0, `${path}: TimeoutSeconds`);
      assert.ok(Array.isArray(state.Retry) && state.Retry.length > 0, `${path}: Retry`);
      for (const r of state.Retry) {
        assert.equal(r.JitterStrategy, "FULL", `${path}: JitterStrategy`);
        assert.ok(r.MaxAttempts > 0 && r.MaxAttempts <= 10, `${path}: MaxAttempts`);
        assert.ok(r.BackoffRate >= 1, `${path}: BackoffRate`);
      }
    }
  });

  test(`${file}: every Lambda Task retries Lambda service errors; model Tasks retry the function's own errors`, () => {
    for (const [name, state, path] of lambdaTasks(machines[file])) {
      const retried = state.Retry.flatMap((r) => r.ErrorEquals);
      for (const e of LAMBDA_ERRORS) assert.ok(retried.includes(e), `${path}: retries ${e}`);
      if (MODEL_TASKS.includes(name)) assert.ok(retried.includes(FUNCTION_ERROR), `${path}: retries ${FUNCTION_ERROR}`);
      // Only names that can arrive: Lambda.*, States.*, and the one errorType Funqy functions report.
      for (const e of retried) assert.ok(/^(Lambda|States)\./.test(e) || e === FUNCTION_ERROR, `${path}: ${e} never arrives`);
    }
  });

  test(`${file}: Lambda Tasks all use lambda:invoke with Payload and select only from $.Payload`, () => {
    for (const [, state, path] of tasks(machines[file])) {
      if (state.Resource.startsWith("arn:aws:states:::states:")) continue;
      assert.equal(state.Resource, "arn:aws:states:::lambda:invoke", `${path}: one invocation style`);
      assert.match(state.Parameters.FunctionName, /^arn:aws:lambda:/, `${path}: FunctionName from a template ARN`);
      assert.equal(typeof state.Parameters.Payload, "object", `${path}: Payload`);
      const paths = Object.entries(state.ResultSelector ?? {}).filter(([k]) => k.endsWith(".$"));
      assert.ok(paths.length > 0, `${path}: ResultSelector`);
      for (const [k, v] of paths) assert.match(v, /^\$\.Payload(\.|$)/, `${path}: ResultSelector ${k}`);
    }
  });
}

test("evaluate: the steps of the in-process workflow, in order, passing keys instead of histories, personas and chains", () => {
  const order = [];
  let name = evaluate.StartAt;
  const seen = new Set();
  while (name && !seen.has(name)) {
    seen.add(name);
    const s = evaluate.States[name];
    if (s.Type === "Task" || s.Type === "Map") order.push(name);
    name = s.Next ?? (s.Type === "Choice" ? s.Default : undefined);
  }
  assert.deepEqual(order, ["ResolveHistory", "InducePersona", "MatchPrototype", "PlanSamples", "Samples", "AggregateScores"]);

  // The execution's id names the evaluation: its chains and its result are stored under it.
  assert.equal(evaluate.States.Normalise.Parameters.ids["evaluationId.$"], "$$.Execution.Id");
  // A history, if given, is stored and named; the Pass after it drops the given history from the state.
  const p = (n) => evaluate.States[n].Parameters.Payload;
  assert.deepEqual(p("ResolveHistory"), { "userId.$": "$.request.userId", "history.$": "$.request.history" });
  assert.equal(evaluate.States.ResolveHistory.Next, "Compact");
  assert.deepEqual(Object.keys(evaluate.States.Compact.Parameters.request).sort(), ["requestId.$", "scaling.$", "scenario.$", "userId.$"]);
  assert.ok(!JSON.stringify(evaluate.States.Compact.Parameters).includes("$.request.history"));

  assert.deepEqual(p("InducePersona"), { "userId.$": "$.history.userId", "historyVersion.$": "$.history.version", seed: 0 });
  assert.deepEqual(p("MatchPrototype"), {
    "userId.$": "$.request.userId",
    "persona.$": "$.self.persona",
    "neighbours.$": "$.request.scaling.pro",
  });
  assert.deepEqual(p("PlanSamples"), { "request.$": "$.request", "historyVersion.$": "$.history.version", "neighbours.$": "$.match.neighbours" });
  assert.deepEqual(p("AggregateScores"), {
    "evaluationId.$": "$.ids.evaluationId",
    "userId.$": "$.request.userId",
    "candidateCount.$": "States.ArrayLength($.request.scenario.candidates)",
    "scaling.$": "$.request.scaling",
    "prototypeId.$": "$.match.prototypeId",
    "neighbours.$": "$.match.neighbours",
    "samples.$": "$.plan.samples",
    "selfCost.$": "$.self.cost",
  });
  // The result's cost adds the user's own persona to the chains' (selfCost), as the in-process workflow does; the
  // output is the result without its chains, with the id they are stored under.
  assert.equal(evaluate.States.InducePersona.ResultSelector["cost.$"], "$.Payload.cost");
  assert.equal(evaluate.States.AggregateScores.Next, "Result");
  assert.equal(evaluate.States.Result.Parameters["result.$"], "States.JsonMerge($.aggregate.result, $.ids, false)");
  assert.equal(evaluate.States.Result.OutputPath, "$.result");
  assert.equal(evaluate.States.Result.End, true);
});

test("evaluate: each job is persona -> optional rubric -> scoring of its samples, stored; a failure stores CALL_FAILURE chains", () => {
  const map = evaluate.States.Samples;
  assert.equal(map.ItemsPath, "$.plan.jobs");
  assert.ok(map.MaxConcurrency !== undefined || map.MaxConcurrencyPath, "configurable MaxConcurrency");
  assert.equal(map.ResultPath, null, "the chains are stored; nothing returns to the state");
  const inner = map.ItemProcessor.States;
  assert.deepEqual(inner.SamplePersona.Parameters.Payload,
    { "userId.$": "$.job.userId", "historyVersion.$": "$.job.historyVersion", "seed.$": "$.job.personaSeed" });
  assert.deepEqual(inner.NeedsRubric.Choices, [{ Variable: "$.job.rubricStep", BooleanEquals: true, Next: "GenerateRubric" }]);
  assert.deepEqual(inner.GenerateRubric.Parameters.Payload, {
    "persona.$": "$.sample.persona",
    "scenario.$": "$.scenario",
    "seed.$": "$.job.samples[0].seed",
  });
  assert.deepEqual(inner.ScoreSamples.Parameters.Payload, {
    "evaluationId.$": "$.evaluationId",
    "job.$": "$.job",
    "persona.$": "$.sample.persona",
    "rubric.$": "$.rubricStep.rubric",
    "scenario.$": "$.scenario",
    "spent.$": "$.spent",
  });
  assert.equal(inner.ScoreSamples.End, true);
  for (const name of ["SamplePersona", "GenerateRubric", "ScoreSamples"]) {
    const c = inner[name].Catch;
    assert.ok(c?.some((x) => x.ErrorEquals.includes("States.ALL") && x.ResultPath === "$.failure" && x.Next === "SampleFailed"), `${name} caught`);
  }
  // A chain's cost includes its persona and rubric calls (NoRubric costs nothing); scoreSamples adds them.
  assert.equal(inner.SamplePersona.ResultSelector["cost.$"], "$.Payload.cost");
  assert.equal(inner.GenerateRubric.ResultSelector["cost.$"], "$.Payload.cost");
  assert.deepEqual(inner.NoRubric.Result.cost, Object.fromEntries(COST_FIELDS.map((f) => [f, 0])));
  for (const f of COST_FIELDS) {
    assert.equal(inner.Spent.Parameters[`${f}.$`], `States.MathAdd($.sample.cost.${f}, $.rubricStep.cost.${f})`);
  }
  // A job that failed after its retries is stored as CALL_FAILURE chains carrying the caught error.
  assert.deepEqual(inner.SampleFailed.Parameters.Payload, { "evaluationId.$": "$.evaluationId", "job.$": "$.job", "error.$": "$.failure" });
  assert.deepEqual(inner.SampleFailed.Retry.at(-1).ErrorEquals, ["States.ALL"], "storing is idempotent: any error is retried");
  assert.equal(inner.SampleFailed.End, true);
  assert.equal(evaluate.States.Samples.Catch, undefined, "a sample failure must not fail the evaluation");
  assert.equal(map.ItemSelector["evaluationId.$"], "$.ids.evaluationId");
});

test("batch: History map -> buildPopulation -> Items map, both Distributed Maps over the same JSONL object", () => {
  assert.equal(batch.StartAt, "Settings");
  assert.equal(batch.States.Settings.Next, "History");
  assert.equal(batch.States.History.Next, "BuildPopulation");
  assert.equal(batch.States.BuildPopulation.Next, "Items");
  const maps = allStates(batch).filter(([, s]) => s.Type === "Map");
  const distributed = maps.filter(([, s]) => s.ItemProcessor?.ProcessorConfig?.Mode === "DISTRIBUTED");
  assert.deepEqual(distributed.map(([n]) => n), ["History", "Items"]);
  for (const [name, map] of distributed) {
    assert.deepEqual(map.ItemReader, batch.States.Items.ItemReader, `${name}: the same object`);
    assert.equal(map.ItemReader.Resource, "arn:aws:states:::s3:getObject");
    assert.equal(map.ItemReader.ReaderConfig.InputType, "JSONL");
    assert.ok(Number.isInteger(map.ToleratedFailurePercentage) && map.ToleratedFailurePercentage > 0 && map.ToleratedFailurePercentage < 100);
    // ResultWriter keeps the Map's output small (no per-row results in the state, whatever the file's size).
    assert.equal(map.ResultWriter.Resource, "arn:aws:states:::s3:putObject");
    assert.ok(map.ResultWriter.Parameters.Bucket);
    assert.equal(map.ItemBatcher, undefined);
    // Item ids derive from the row's index and content on both paths (BenchmarkDataset.itemId).
    assert.equal(map.ItemSelector["index.$"], "$$.Map.Item.Index", name);
    assert.equal(map.ItemSelector["row.$"], "$$.Map.Item.Value", name);
  }
  assert.equal(batch.States.Items.ItemProcessor.ProcessorConfig.ExecutionType, "STANDARD", ".sync child executions need STANDARD");
  assert.equal(batch.States.History.ItemProcessor.ProcessorConfig.ExecutionType, "EXPRESS", "idempotent registrations");
  assert.notEqual(batch.States.History.ResultWriter.Parameters["Prefix.$"], batch.States.Items.ResultWriter.Parameters["Prefix.$"]);
  const h = batch.States.History.ItemProcessor.States;
  assert.equal(h.TrainRow.Choices[0].Next, "RegisterHistoryRow");
  assert.deepEqual(h.RegisterHistoryRow.Parameters.Payload, { "runId.$": "$.runId", "index.$": "$.index", "row.$": "$.row" });
  assert.deepEqual(h.RegisterHistoryRow.Retry.at(-1).ErrorEquals, ["States.ALL"], "an idempotent insert: any error is retried");
  const nested = batch.States.BuildPopulation;
  assert.equal(nested.Resource, "arn:aws:states:::states:startExecution.sync:2", "the build-population machine, nested");
  assert.match(nested.Parameters.StateMachineArn, /stateMachine:dummy-build-population$/);
  assert.deepEqual(nested.Parameters.Input, { "runId.$": "$.runId", "prototypes.$": "$.settings.population.prototypes" });
  assert.equal(nested.Catch, undefined, "no population, no batch");
  assert.ok(nested.TimeoutSeconds >= 3600, "a population of any size");
});

test("build-population: start -> personas by batch (Distributed Map) -> one fit -> memberships by batch (Distributed Map) -> publish", () => {
  const order = [];
  let name = build.StartAt;
  const seen = new Set();
  while (name && !seen.has(name)) {
    seen.add(name);
    const s = build.States[name];
    if (s.Type === "Task" || s.Type === "Map") order.push(name);
    name = s.Next ?? (s.Type === "Choice" ? s.Default : undefined);
  }
  assert.deepEqual(order, ["StartPopulation", "PublishPopulation"], "no user: straight to publishing an empty population");
  assert.equal(build.States.AnyUsers.Choices[0].Next, "Batches");
  assert.equal(build.States.Batches.Parameters["indices.$"], "States.ArrayRange(0, $.plan.lastBatch, 1)");
  assert.equal(build.States.Batches.Next, "Personas");
  assert.equal(build.States.Personas.Next, "FitPrototypes");
  assert.equal(build.States.FitPrototypes.Next, "Membership");
  assert.equal(build.States.Membership.Next, "PublishPopulation");
  for (const name of ["Personas", "Membership"]) {
    const map = build.States[name];
    assert.equal(map.ItemProcessor.ProcessorConfig.Mode, "DISTRIBUTED", name);
    assert.equal(map.ItemsPath, "$.batches.indices", `${name}: batch numbers, never users, in the state`);
    assert.deepEqual(map.ItemSelector, { "buildId.$": "$.plan.buildId", "batch.$": "$$.Map.Item.Value" });
    assert.equal(map.ResultPath, null, `${name}: the results are stored, not collected`);
    assert.equal(map.MaxConcurrencyPath, "$.settings.batchConcurrency");
  }
  // Persona batches call the model for minutes: STANDARD children; assignments are short and idempotent: EXPRESS.
  assert.equal(build.States.Personas.ItemProcessor.ProcessorConfig.ExecutionType, "STANDARD");
  assert.equal(build.States.Membership.ItemProcessor.ProcessorConfig.ExecutionType, "EXPRESS");
  assert.deepEqual(build.States.FitPrototypes.Parameters.Payload, { "buildId.$": "$.plan.buildId" });
  assert.deepEqual(build.States.PublishPopulation.Parameters.Payload, { "buildId.$": "$.plan.buildId" });
  assert.deepEqual(build.States.PublishPopulation.Retry.at(-1).ErrorEquals, ["States.ALL"], "publishing is idempotent");
});

test("batch: prepare -> skip choice -> evaluate -> record, failures recorded with the error", () => {
  const s = allStates(batch).find(([n]) => n === "Items")[1].ItemProcessor.States;
  assert.equal(s.PrepareItem.Next, "SkipRow");
  assert.equal(s.SkipRow.Choices[0].Variable, "$.prepared.skip");
  assert.equal(s.Evaluate.Resource, "arn:aws:states:::states:startExecution.sync:2");
  assert.equal(s.Evaluate.Parameters["Input.$"], "$.prepared.request");
  assert.equal(s.Evaluate.Next, "RecordResult");
  assert.deepEqual(s.Evaluate.Catch, [{ ErrorEquals: ["States.ALL"], ResultPath: "$.failure", Next: "RecordFailure" }]);
  const ok = s.RecordResult.Parameters.Payload;
  const failed = s.RecordFailure.Parameters.Payload;
  for (const p of [ok, failed]) {
    assert.deepEqual(Object.keys(p).map((k) => k.replace(/\.\$$/, "")).sort(), ["error", "evaluationId", "expectedChoice", "itemId", "runId", "scaling", "userId"]);
    assert.equal(p["scaling.$"], "$.scaling", "the run is opened with the batch's scaling");
    assert.equal(p["userId.$"], "$.row.user_id", "a failed item is recorded under its user too");
  }
  for (const name of ["RecordResult", "RecordFailure"]) {
    // Recording is idempotent, so every error is retried, States.ALL last as the language requires.
    const last = s[name].Retry.at(-1);
    assert.deepEqual(last.ErrorEquals, ["States.ALL"], name);
    assert.ok(s[name].Retry.slice(0, -1).every((r) => !r.ErrorEquals.includes("States.ALL")), name);
  }
  assert.equal(ok.error, null);
  assert.equal(ok["evaluationId.$"], "$.evaluation.result.evaluationId", "the result and its chains are read from storage");
  assert.equal(failed.evaluationId, null);
  assert.equal(failed["error.$"], "$.failure");
});
