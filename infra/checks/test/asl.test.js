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

const evaluate = loadAsl("evaluate.asl.json");
const batch = loadAsl("evaluate-batch.asl.json");
const machines = { "evaluate.asl.json": evaluate, "evaluate-batch.asl.json": batch };
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

  test(`${file}: every Lambda Task retries Lambda service errors and InferenceUnavailable`, () => {
    for (const [, state, path] of lambdaTasks(machines[file])) {
      const retried = state.Retry.flatMap((r) => r.ErrorEquals);
      for (const e of [...LAMBDA_ERRORS, "InferenceUnavailable"]) assert.ok(retried.includes(e), `${path}: retries ${e}`);
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

test("evaluate: the steps of the in-process workflow, in order", () => {
  const order = [];
  let name = evaluate.StartAt;
  const seen = new Set();
  while (name && !seen.has(name)) {
    seen.add(name);
    const s = evaluate.States[name];
    if (s.Type === "Task" || s.Type === "Map") order.push(name);
    name = s.Next ?? (s.Type === "Choice" ? s.Default : undefined);
  }
  assert.deepEqual(order, ["InducePersona", "MatchPrototype", "PlanSamples", "Samples", "AggregateScores"]);

  const p = (n) => evaluate.States[n].Parameters.Payload;
  assert.deepEqual(p("InducePersona"), { "history.$": "$.request.history", seed: 0 });
  assert.deepEqual(p("MatchPrototype"), {
    "userId.$": "$.request.userId",
    "persona.$": "$.self.persona",
    "neighbours.$": "$.request.scaling.pro",
  });
  assert.deepEqual(Object.keys(p("PlanSamples")).sort(), ["match.$", "request.$"]);
  assert.deepEqual(p("AggregateScores"), {
    "userId.$": "$.request.userId",
    "candidateCount.$": "States.ArrayLength($.request.scenario.candidates)",
    "scaling.$": "$.request.scaling",
    "chains.$": "$.chains",
    "prototypeId.$": "$.match.prototypeId",
    "neighbours.$": "$.neighbourIds.ids",
  });
  assert.equal(evaluate.States.NeighbourIds.Parameters["ids.$"], "$.match.neighbours[*].userId");
  assert.equal(evaluate.States.AggregateScores.OutputPath, "$.result");
});

test("evaluate: each sample is persona -> optional rubric -> score, and a failure becomes a CALL_FAILURE chain", () => {
  const map = evaluate.States.Samples;
  assert.equal(map.ItemsPath, "$.plan.tasks");
  assert.ok(map.MaxConcurrency !== undefined || map.MaxConcurrencyPath, "configurable MaxConcurrency");
  const inner = map.ItemProcessor.States;
  assert.deepEqual(inner.SamplePersona.Parameters.Payload, { "history.$": "$.task.history", "seed.$": "$.task.personaSeed" });
  assert.deepEqual(inner.NeedsRubric.Choices, [{ Variable: "$.task.rubricStep", BooleanEquals: true, Next: "GenerateRubric" }]);
  assert.deepEqual(inner.GenerateRubric.Parameters.Payload, {
    "persona.$": "$.sample.persona",
    "scenario.$": "$.scenario",
    "seed.$": "$.task.seed",
  });
  assert.deepEqual(Object.keys(inner.ScoreSample.Parameters.Payload).sort(), [
    "history.$", "persona.$", "rubric.$", "sampleIndex.$", "scenario.$", "seed.$", "source.$",
  ]);
  for (const name of ["SamplePersona", "GenerateRubric", "ScoreSample"]) {
    const c = inner[name].Catch;
    assert.ok(c?.some((x) => x.ErrorEquals.includes("States.ALL") && x.Next === "SampleFailed"), `${name} caught`);
  }
  assert.deepEqual(inner.SampleFailed.Parameters, {
    "source.$": "$.task.source",
    "sampleIndex.$": "$.task.sampleIndex",
    "seed.$": "$.task.seed",
    status: "CALL_FAILURE",
    "error.$": "$.failure.Cause",
    scores: [],
  });
  assert.equal(evaluate.States.Samples.Catch, undefined, "a sample failure must not fail the evaluation");
});

test("batch: Distributed Map over a JSONL object with ResultWriter and ToleratedFailurePercentage", () => {
  const maps = allStates(batch).filter(([, s]) => s.Type === "Map");
  const distributed = maps.filter(([, s]) => s.ItemProcessor?.ProcessorConfig?.Mode === "DISTRIBUTED");
  assert.equal(distributed.length, 1);
  const [, map] = distributed[0];
  assert.equal(map.ItemReader.Resource, "arn:aws:states:::s3:getObject");
  assert.equal(map.ItemReader.ReaderConfig.InputType, "JSONL");
  assert.equal(map.ItemProcessor.ProcessorConfig.ExecutionType, "STANDARD", ".sync child executions need STANDARD");
  assert.ok(Number.isInteger(map.ToleratedFailurePercentage) && map.ToleratedFailurePercentage > 0 && map.ToleratedFailurePercentage < 100);
  assert.equal(map.ResultWriter.Resource, "arn:aws:states:::s3:putObject");
  assert.ok(map.ResultWriter.Parameters.Bucket);
  assert.equal(map.ItemBatcher, undefined);
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
    assert.deepEqual(Object.keys(p).map((k) => k.replace(/\.\$$/, "")).sort(), ["error", "expectedChoice", "itemId", "result", "runId"]);
  }
  assert.equal(ok.error, null);
  assert.equal(failed.result, null);
  assert.equal(failed["error.$"], "$.failure");
});
