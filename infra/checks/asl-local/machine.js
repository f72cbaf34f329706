// Executes the ASL templates with aws-local-stepfunctions, every Task routed to the real functions served over HTTP
// by the local app (POST /<export>). What is substituted for AWS, and why, is stated next to each substitution.
import "./node-compat.js";
import { randomUUID } from "node:crypto";
import { StateMachine } from "aws-local-stepfunctions";
import { allStates, readTemplate, render, templateVars } from "../test/lib.js";

const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
const START_EXECUTION_SYNC = "arn:aws:states:::states:startExecution.sync:2";
const ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:pgenrm-local-";
export const EVALUATE_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:pgenrm-local-evaluate";
export const BUILD_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:pgenrm-local-build-population";
const ROW_CHILD_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:pgenrm-local-batch-row";
const TOLERANCE_CHECK_ARN = "arn:aws:lambda:us-east-1:000000000000:function:pgenrm-local-tolerance-check";
const EXECUTION_ARN_PREFIX = "arn:aws:states:us-east-1:000000000000:execution:pgenrm-local-";

/** The Funqy export a template variable names: induce_persona_arn -> inducePersona (as the wiring check requires). */
export const exportOf = (variable) =>
  variable.replace(/_arn$/, "").replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Renders a template as Terraform's templatefile would, with local values: each Lambda ARN names its Funqy export
 * (so a Task's FunctionName says which HTTP endpoint serves it), the concurrency limits are given, the S3 names
 * are placeholders (nothing reads S3 locally).
 */
export function renderLocal(file, { sampleConcurrency = 8, itemConcurrency = 4, batchConcurrency = 4 } = {}) {
  const text = readTemplate(file);
  const values = {};
  for (const v of templateVars(text)) {
    if (v === "evaluate_state_machine_arn") values[v] = EVALUATE_MACHINE_ARN;
    else if (v === "build_population_state_machine_arn") values[v] = BUILD_MACHINE_ARN;
    else if (v.endsWith("_arn")) values[v] = ARN_PREFIX + exportOf(v);
    else if (v === "sample_max_concurrency") values[v] = String(sampleConcurrency);
    else if (v === "item_max_concurrency") values[v] = String(itemConcurrency);
    else if (v === "batch_max_concurrency") values[v] = String(batchConcurrency);
    else if (v === "batch_bucket") values[v] = "local-batch-bucket";
    else if (v === "results_prefix") values[v] = "batches/results/";
    else throw new Error(`${file}: no local value for template variable ${v}`);
  }
  return JSON.parse(render(text, values));
}

/** An error as Step Functions reports it: `name` is what Retry/Catch ErrorEquals match, `message` the Cause. */
export class TaskError extends Error {
  constructor(name, cause) {
    super(cause);
    this.name = name;
  }
}

/** What a @Funq method's exception arrives as: Funqy wraps it, and Lambda reports the wrapper's class as errorType. */
export const FUNCTION_ERROR = "io.quarkus.funqy.runtime.ApplicationException";

/**
 * lambda:invoke over HTTP. A function error becomes the error Step Functions would report for the Lambda: Funqy
 * invokes the method reflectively and wraps what it throws in io.quarkus.funqy.runtime.ApplicationException, whose
 * class both the java21 runtime and Quarkus' native poll loop report as errorType, with the original exception in the
 * message (the local app answers 400 for InvalidInputException, 500 otherwise). Lambda.SdkClientException when the
 * endpoint cannot be reached at all.
 */
export function lambdaOverHttp(url, { timeoutMs = 330_000 } = {}) {
  return async ({ FunctionName, Payload }) => {
    if (!FunctionName?.startsWith(ARN_PREFIX)) throw new TaskError("States.Runtime", `unroutable FunctionName ${FunctionName}`);
    const name = FunctionName.slice(ARN_PREFIX.length).replace(/:.*$/, "");
    let response;
    try {
      response = await fetch(`${url}/${name}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(Payload ?? null),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new TaskError("Lambda.SdkClientException", `${name}: ${e.cause?.message ?? e.message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      const thrown = response.status === 400 ? "io.pgenrm.domain.InvalidInputException: " : "";
      throw new TaskError(FUNCTION_ERROR,
        JSON.stringify({ errorType: FUNCTION_ERROR, errorMessage: thrown + text, status: response.status, function: name }));
    }
    return { StatusCode: 200, ExecutedVersion: "$LATEST", Payload: text ? JSON.parse(text) : null };
  };
}

/** Step Functions' limit on a state's input or output and on a Task's parameters or result: 256 KiB of UTF-8. */
export const PAYLOAD_LIMIT = 256 * 1024;

/**
 * What this project allows a state or Task payload: 200 KB, so every payload keeps a margin of a quarter under the
 * limit whatever the history length and plan (histories, personas and chains are stored and passed by key).
 */
export const PAYLOAD_BUDGET = 200_000;

const bytes = (value) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), "utf8"));

/**
 * The largest payloads seen, per `<machine>/<state>` and kind (state input, state output, Task parameters, Task
 * result): `stats.payloads` keeps each maximum, `stats.largestPayload` the largest of all, `stats.overLimit` counts
 * the payloads above PAYLOAD_LIMIT, for which AWS would fail the execution with States.DataLimitExceeded
 * (aws-local-stepfunctions does not enforce the limit), and `stats.overBudget` those above PAYLOAD_BUDGET.
 */
function recordPayload(stats, machine, state, kind, value) {
  const size = bytes(value);
  const where = `${machine}/${state}`;
  const seen = (stats.payloads[where] ??= {});
  seen[kind] = Math.max(seen[kind] ?? 0, size);
  if (size > stats.largestPayload.bytes) stats.largestPayload = { bytes: size, where, kind };
  if (size > PAYLOAD_LIMIT) stats.overLimit++;
  if (size > PAYLOAD_BUDGET) stats.overBudget++;
}

/**
 * Runs one execution to its end, counts its Retry and Catch events (nested Map iterations included) and, when the
 * machine is named, measures every state's input and output.
 */
const machines = new WeakMap();

export async function execute(definition, input, handlers, stats, machineName = null) {
  // Each execution gets an id of its own, as in AWS ($$.Execution.Id; the evaluate machine stores its chains under it).
  const name = randomUUID();
  const context = { Execution: { Id: `${EXECUTION_ARN_PREFIX}${machineName ?? "child"}:${name}`, Name: name } };
  // Validated once per definition (asl-validator is slow); each run() is an independent execution.
  if (!machines.has(definition)) {
    machines.set(definition, new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } }));
  }
  const machine = machines.get(definition);
  const names = allStates(definition).filter(([, s]) => s.Type === "Task").map(([n]) => n);
  const execution = machine.run(input, {
    overrides: { taskResourceLocalHandlers: Object.fromEntries(names.map((n) => [n, handlers(n)])) },
    context,
  });
  const counting = (async () => {
    for await (const event of execution.eventLogs) {
      const e = event.type?.startsWith("MapIteration") ? null : event;
      if (e?.type === "StateRetried") stats.retried.push(e.state?.name);
      if (e?.type === "StateCaught") stats.caught.push(e.state?.name);
      if (machineName && e?.type === "StateEntered") recordPayload(stats, machineName, e.state.name, "input", e.state.input);
      if (machineName && e?.type === "StateExited") recordPayload(stats, machineName, e.state.name, "output", e.state.output);
    }
  })();
  try {
    return await execution.result;
  } finally {
    await counting.catch(() => {});
  }
}

/**
 * Substitutions applied to each DISTRIBUTED Map of a machine, because aws-local-stepfunctions runs every Map inline
 * and knows no Distributed Map fields:
 * - ItemReader (S3 getObject, JSONL) -> ItemsPath $.rows: the file's rows, parsed one JSON value per line as the
 *   JSONL reader does, are added to the execution input. A Map over an array of the state (ItemsPath) keeps it.
 *   ItemSelector (with $$.Map.Item.Index) and MaxConcurrencyPath stay as written.
 * - ProcessorConfig DISTRIBUTED (one child execution per item) -> the original ItemProcessor is run as its own
 *   execution per item, from a one-Task wrapper that reports {Status, Output | Error, Cause} the way a child
 *   execution ends, so one failed item does not fail the others (an inline Map would abort them all).
 * - ToleratedFailurePercentage -> a Task inserted after the Map checks its child results and fails the execution
 *   with States.ExceedToleratedFailureThreshold above it, as the Map Run would (so nothing after it runs).
 * - ResultWriter (S3 putObject) -> the child results are kept here (and returned to the caller).
 * Every other state, and the states inside the ItemProcessors, run unchanged. Returns the rewritten definition and
 * `maps`, by name: each Map's processor, tolerance, and its children's results in completion order.
 */
function distributedLocally(definition, label) {
  const def = structuredClone(definition);
  const maps = {};
  for (const [name, map] of Object.entries(def.States)) {
    if (map.Type !== "Map" || map.ItemProcessor?.ProcessorConfig?.Mode !== "DISTRIBUTED") continue;
    // A child execution runs the ItemProcessor's states as a machine of their own (ProcessorConfig is the Map's).
    const { ProcessorConfig: _distributed, ...processor } = map.ItemProcessor;
    maps[name] = { name, label: `${label}/${name}`, processor, tolerated: map.ToleratedFailurePercentage ?? 0, results: [] };
    const check = `${name}ToleratedFailures`;
    def.States[check] = { Type: "Task", Resource: TOLERANCE_CHECK_ARN, ResultPath: null };
    if (map.End) def.States[check].End = true;
    else def.States[check].Next = map.Next;
    delete map.End;
    map.Next = check;
    if (map.ItemReader) {
      delete map.ItemReader;
      map.ItemsPath = "$.rows";
    }
    delete map.ResultWriter;
    delete map.ToleratedFailurePercentage;
    map.ItemProcessor = {
      ProcessorConfig: { Mode: "INLINE" },
      StartAt: `${name}Child`,
      States: {
        [`${name}Child`]: {
          Type: "Task",
          Resource: START_EXECUTION_SYNC,
          Parameters: { StateMachineArn: ROW_CHILD_ARN, "Input.$": "$" },
          End: true,
        },
      },
    };
  }
  return { def, maps };
}

/**
 * A local Step Functions account: the evaluate machine (unmodified but for resource routing), the build-population
 * machine and the batch machine (each with the Distributed Map substitutions of distributedLocally). Every evaluate
 * execution's input and output is kept in `evaluations`, as the console keeps each nested execution.
 */
export function localWorkflow({ url, sampleConcurrency = 8, itemConcurrency = 4, batchConcurrency = 4, fault } = {}) {
  const evaluate = renderLocal("evaluate.asl.json", { sampleConcurrency });
  const batch = renderLocal("evaluate-batch.asl.json", { itemConcurrency });
  const build = renderLocal("build-population.asl.json", { batchConcurrency });
  const lambda = lambdaOverHttp(url);
  const stats = { retried: [], caught: [], lambdaCalls: 0, payloads: {}, largestPayload: { bytes: 0, where: null, kind: null }, overLimit: 0, overBudget: 0 };
  const evaluations = [];
  const builds = [];

  // Tasks of the machines share names only where they call the same function, so the state name places a Task.
  const invoke = (state) => async (input) => {
    stats.lambdaCalls++;
    if (fault) await fault(state, input); // throws to inject a failure before the call reaches the function
    recordPayload(stats, "task", state, "parameters", input);
    const result = await lambda(input);
    recordPayload(stats, "task", state, "result", result);
    return result;
  };

  async function runEvaluate(request) {
    const record = { request, result: null, error: null };
    evaluations.push(record);
    try {
      record.result = await execute(evaluate, request, handlers, stats, "evaluate");
      return record.result;
    } catch (e) {
      const cause = e.cause ?? e;
      record.error = { Error: cause.name, Cause: cause.message };
      throw e;
    }
  }

  /** A machine with Distributed Maps, run with their children as executions of their own (distributedLocally). */
  async function runDistributed(definition, label, input) {
    const { def, maps } = distributedLocally(definition, label);
    const child = (m) => async ({ Input }) => {
      let result;
      try {
        result = { Status: "SUCCEEDED", Input, Output: await execute(m.processor, Input, handlers, stats, m.label) };
      } catch (e) {
        const cause = e.cause ?? e;
        result = { Status: "FAILED", Input, Error: cause.name, Cause: cause.message };
      }
      m.results.push(result);
      return result;
    };
    const tolerance = (m) => async () => {
      const failed = m.results.filter((r) => r.Status === "FAILED").length;
      if (m.results.length && (100 * failed) / m.results.length > m.tolerated) {
        throw new TaskError("States.ExceedToleratedFailureThreshold", `${failed} of ${m.results.length} child executions failed`);
      }
      return {};
    };
    const wrapperHandlers = (state) => {
      for (const [name, m] of Object.entries(maps)) {
        if (state === `${name}Child`) return child(m);
        if (state === `${name}ToleratedFailures`) return tolerance(m);
      }
      return handlers(state);
    };
    let output = null;
    let error = null;
    try {
      // The batch machine is not measured: its input holds the whole file's rows, the local stand-in for the
      // ItemReader, which in AWS reads them from S3 into the child executions (measured) without passing through it.
      output = await execute(def, input, wrapperHandlers, stats, label === "evaluate-batch" ? null : label);
    } catch (e) {
      const cause = e.cause ?? e;
      error = { Error: cause.name, Cause: cause.message };
    }
    return { output, error, maps };
  }

  async function runBuild(input) {
    const run = await runDistributed(build, "build-population", input);
    builds.push({ input, ...run });
    if (run.error) throw new TaskError(run.error.Error, run.error.Cause);
    return run.output;
  }

  function handlers(state) {
    const def = allStates(evaluate).concat(allStates(batch), allStates(build)).find(([n]) => n === state)?.[1];
    if (def?.Resource === LAMBDA_INVOKE) return invoke(state);
    if (def?.Resource === START_EXECUTION_SYNC) {
      // startExecution.sync:2: a nested execution of the named machine; its Output arrives as JSON (":2").
      // A failed child surfaces as States.TaskFailed with the child's error in the Cause, as in AWS.
      return async ({ StateMachineArn, Input }) => {
        const run = { [EVALUATE_MACHINE_ARN]: runEvaluate, [BUILD_MACHINE_ARN]: runBuild }[StateMachineArn];
        if (!run) throw new TaskError("States.Runtime", `unknown state machine ${StateMachineArn}`);
        try {
          return { Status: "SUCCEEDED", Output: await run(Input) };
        } catch (e) {
          const cause = e.cause ?? e;
          throw new TaskError("States.TaskFailed", JSON.stringify({ Status: "FAILED", Error: cause.name, Cause: cause.message }));
        }
      };
    }
    return async () => {
      throw new TaskError("States.Runtime", `no local route for Task ${state}`);
    };
  }

  /** evaluate-batch with the rows of a JSONL file (distributedLocally says what stands in for each Distributed Map). */
  async function runBatch({ runId, rows, scaling, prototypes }) {
    const input = { runId, inputKey: `local/${runId}.jsonl`, scaling, rows };
    if (prototypes !== undefined) input.prototypes = prototypes;
    const { output, error, maps } = await runDistributed(batch, "evaluate-batch", input);
    // The Map keeps its children in item order, as ResultWriter does; m.results is in completion order.
    const ordered = (m) => rows.map((_, i) => m.results.find((r) => r.Input?.index === i)).filter(Boolean);
    const results = ordered(maps.Items ?? { results: [] });
    const failed = results.filter((r) => r.Status === "FAILED").length;
    return {
      results,
      history: ordered(maps.History ?? { results: [] }),
      population: output?.population ?? null,
      failed,
      failedPercent: results.length ? (100 * failed) / results.length : 0,
      toleratedFailurePercentage: maps.Items?.tolerated ?? 0,
      status: error ? "FAILED" : "SUCCEEDED",
      error: error?.Error ?? null,
      cause: error?.Cause ?? null,
    };
  }

  return { evaluate: runEvaluate, buildPopulation: runBuild, runBatch, evaluations, builds, stats, definitions: { evaluate, batch, build } };
}

/** Parses JSONL as the Distributed Map's JSONL reader does: one JSON value per non-empty line. */
export function parseJsonl(text, name = "input") {
  const rows = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      rows.push(JSON.parse(line));
    } catch (e) {
      throw new Error(`${name}:${i + 1}: not JSON (the JSONL ItemReader would fail the Map Run): ${e.message}`);
    }
  });
  return rows;
}
