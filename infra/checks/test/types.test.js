// (e) The ASL and the functions' Java types agree: each Lambda Task's Payload has exactly the fields of the
// function's input record, each ResultSelector reads fields its output record has, and the Pass states that stand
// in for a function's output (a failed sample's chain, the default scaling) only use fields of that record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ASL_FILES, REPO, allStates, loadAsl } from "./lib.js";

function javaFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const p = join(dir, entry);
    return statSync(p).isDirectory() ? javaFiles(p) : entry.endsWith(".java") ? [p] : [];
  });
}

/** Every record declared under shared/src/main/java: simple name -> component names, in order. */
function records() {
  const out = new Map();
  for (const file of javaFiles(join(REPO, "shared", "src", "main", "java"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\brecord\s+(\w+)\s*\(/g)) {
      let depth = 1;
      let end = m.index + m[0].length;
      for (; depth > 0 && end < text.length; end++) depth += text[end] === "(" ? 1 : text[end] === ")" ? -1 : 0;
      const components = text.slice(m.index + m[0].length, end - 1)
        .replace(/@\w+(\([^)]*\))?/g, "") // annotations, e.g. @JsonProperty("user_id")
        .replace(/<[^<>]*(<[^<>]*>[^<>]*)*>/g, "") // generics, e.g. List<Neighbour>
        .split(",")
        .map((c) => c.trim().split(/\s+/).at(-1))
        .filter(Boolean);
      out.set(m[1], components);
    }
  }
  return out;
}

/** Every Funqy export of the function modules: name -> { input, output } record names. */
function exports() {
  const out = new Map();
  for (const file of javaFiles(join(REPO, "functions"))) {
    if (!file.includes(`${join("src", "main")}`)) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/@Funq\s+public\s+(\w+)\s+(\w+)\s*\(\s*(\w+)\s+\w+\s*\)/g)) {
      out.set(m[2], { output: m[1], input: m[3] });
    }
  }
  return out;
}

const RECORDS = records();
const EXPORTS = exports();
const exportOf = (functionName) =>
  functionName.match(/function:dummy-([a-z-]+):live$/)[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const keys = (template) => Object.keys(template).map((k) => k.replace(/\.\$$/, ""));

test("the parsed Java types are the ones the ASL names", () => {
  for (const name of ["resolveHistory", "inducePersona", "matchPrototype", "planSamples", "generateRubric", "scoreSamples",
    "recordSampleFailure", "aggregateScores", "storedEvaluation", "prepareBenchmarkItem", "recordBenchmarkItem",
    "registerHistoryRow", "buildPopulation", "startPopulation", "inducePersonas", "fitPrototypes", "assignPrototypes",
    "publishPopulation"]) {
    assert.ok(EXPORTS.has(name), `@Funq ${name}`);
    assert.ok(RECORDS.has(EXPORTS.get(name).input), `record ${EXPORTS.get(name).input}`);
    assert.ok(RECORDS.has(EXPORTS.get(name).output), `record ${EXPORTS.get(name).output}`);
  }
  assert.deepEqual(RECORDS.get("BenchmarkRow"), ["userId", "split", "context", "chosen", "rejected", "profile"]);
  assert.deepEqual(RECORDS.get("StoredPrototypeMatch"), ["prototypeId", "similarity", "neighbours"]);
});

for (const file of ASL_FILES) {
  const machine = loadAsl(file);
  const lambdaTasks = allStates(machine).filter(([, s]) => s.Resource === "arn:aws:states:::lambda:invoke");

  test(`${file}: each Lambda Task's Payload has exactly the fields of the function's input record`, () => {
    for (const [, state, path] of lambdaTasks) {
      const fn = exportOf(state.Parameters.FunctionName);
      const { input } = EXPORTS.get(fn);
      assert.deepEqual(keys(state.Parameters.Payload).sort(), [...RECORDS.get(input)].sort(), `${path} -> ${fn}(${input})`);
    }
  });

  test(`${file}: each ResultSelector reads fields of the function's output record`, () => {
    for (const [, state, path] of lambdaTasks) {
      const fn = exportOf(state.Parameters.FunctionName);
      const { output } = EXPORTS.get(fn);
      for (const [k, v] of Object.entries(state.ResultSelector ?? {})) {
        if (!k.endsWith(".$") || v === "$.Payload") continue;
        const field = v.match(/^\$\.Payload\.(\w+)/)?.[1];
        assert.ok(RECORDS.get(output).includes(field), `${path}: ${k} reads ${v}, not a field of ${output}`);
      }
    }
  });
}

test("evaluate.asl.json: the sample Map reads only SampleJob and SampleSlot fields, and stand-in states only record fields", () => {
  const machine = loadAsl("evaluate.asl.json");
  const inner = machine.States.Samples.ItemProcessor;
  const text = JSON.stringify(inner);
  const jobFields = new Set([...text.matchAll(/\$\.job\.(\w+)/g)].map((m) => m[1]));
  assert.ok(jobFields.size > 0);
  for (const f of jobFields) assert.ok(RECORDS.get("SampleJob").includes(f), `$.job.${f} is not a SampleJob field`);
  for (const m of text.matchAll(/\$\.job\.samples\[0\]\.(\w+)/g)) {
    assert.ok(RECORDS.get("SampleSlot").includes(m[1]), `$.job.samples[0].${m[1]} is not a SampleSlot field`);
  }
  // The whole job reaches the functions that score or record it.
  assert.equal(inner.States.ScoreSamples.Parameters.Payload["job.$"], "$.job");
  assert.equal(inner.States.SampleFailed.Parameters.Payload["job.$"], "$.job");
  const scaling = machine.States.DefaultScaling.Result;
  assert.deepEqual(Object.keys(scaling).sort(), [...RECORDS.get("ScalingPlan")].filter((f) => f in scaling).sort());
  for (const k of Object.keys(scaling)) assert.ok(RECORDS.get("ScalingPlan").includes(k), `DefaultScaling.${k}`);
  assert.deepEqual(Object.keys(inner.States.NoRubric.Result.cost).sort(), [...RECORDS.get("CallCost")].sort());
  assert.deepEqual(Object.keys(inner.States.Spent.Parameters).map((k) => k.replace(/\.\$$/, "")).sort(), [...RECORDS.get("CallCost")].sort());
  // What Compact keeps of the request is what planSamples reads as an EvaluateRequest.
  for (const k of keys(machine.States.Compact.Parameters.request)) assert.ok(RECORDS.get("EvaluateRequest").includes(k), `Compact.request.${k}`);
});

test("evaluate-batch.asl.json and build-population.asl.json: the population's Tasks are typed too", () => {
  const tasksOf = (file) => allStates(loadAsl(file)).filter(([, s]) => s.Resource === "arn:aws:states:::lambda:invoke")
    .map(([, s]) => exportOf(s.Parameters.FunctionName));
  assert.deepEqual(tasksOf("evaluate-batch.asl.json").sort(), ["prepareBenchmarkItem", "recordBenchmarkItem", "recordBenchmarkItem", "registerHistoryRow"]);
  assert.deepEqual(tasksOf("build-population.asl.json").sort(),
    ["assignPrototypes", "fitPrototypes", "inducePersonas", "publishPopulation", "startPopulation"]);
  assert.deepEqual(RECORDS.get("RegisterHistoryRowRequest"), ["runId", "index", "row"]);
  assert.deepEqual(RECORDS.get("BuildPopulationRequest"), ["runId", "prototypes"]);
  assert.deepEqual(RECORDS.get("PopulationBatchRequest"), ["buildId", "batch"]);
  // The batch starts the build with a BuildPopulationRequest.
  const build = loadAsl("evaluate-batch.asl.json").States.BuildPopulation;
  assert.deepEqual(keys(build.Parameters.Input).sort(), [...RECORDS.get("BuildPopulationRequest")].sort());
  // The plan's fields the build machine reads are PopulationPlan's.
  const text = JSON.stringify(loadAsl("build-population.asl.json"));
  for (const m of text.matchAll(/\$\.plan\.(\w+)/g)) assert.ok(RECORDS.get("PopulationPlan").includes(m[1]), `$.plan.${m[1]}`);
});

test("evaluate-batch.asl.json: RecordFailure's error is a RecordItemRequest.StepError (what a Catch produces)", () => {
  assert.deepEqual(RECORDS.get("StepError"), ["Error", "Cause"]);
  const batch = loadAsl("evaluate-batch.asl.json");
  const s = batch.States.Items.ItemProcessor.States;
  assert.equal(s.RecordFailure.Parameters.Payload["error.$"], "$.failure");
  assert.equal(s.Evaluate.Catch[0].ResultPath, "$.failure");
});
