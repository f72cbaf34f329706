// Executes the ASL templates with aws-local-stepfunctions, every Task routed to the real functions served over HTTP
// by the local app (POST /<export>). What is substituted for AWS, and why, is stated next to each substitution.
import "./node-compat.js";
import { StateMachine } from "aws-local-stepfunctions";
import { allStates, readTemplate, render, templateVars } from "../test/lib.js";

const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
const START_EXECUTION_SYNC = "arn:aws:states:::states:startExecution.sync:2";
const ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:pgenrm-local-";
export const EVALUATE_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:pgenrm-local-evaluate";
const ROW_CHILD_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:pgenrm-local-batch-row";

/** The Funqy export a template variable names: induce_persona_arn -> inducePersona (as the wiring check requires). */
export const exportOf = (variable) =>
  variable.replace(/_arn$/, "").replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Renders a template as Terraform's templatefile would, with local values: each Lambda ARN names its Funqy export
 * (so a Task's FunctionName says which HTTP endpoint serves it), the concurrency limits are given, the S3 names
 * are placeholders (nothing reads S3 locally).
 */
export function renderLocal(file, { sampleConcurrency = 8, itemConcurrency = 4 } = {}) {
  const text = readTemplate(file);
  const values = {};
  for (const v of templateVars(text)) {
    if (v === "evaluate_state_machine_arn") values[v] = EVALUATE_MACHINE_ARN;
    else if (v.endsWith("_arn")) values[v] = ARN_PREFIX + exportOf(v);
    else if (v === "sample_max_concurrency") values[v] = String(sampleConcurrency);
    else if (v === "item_max_concurrency") values[v] = String(itemConcurrency);
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

/**
 * lambda:invoke over HTTP. A function error becomes the error Step Functions would report for the Lambda: the
 * exception's class for a 400 (the functions' client errors are InvalidInputException), Lambda.Unknown for any
 * other non-2xx, Lambda.SdkClientException when the endpoint cannot be reached at all.
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
    if (response.status === 400) {
      throw new TaskError("io.pgenrm.domain.InvalidInputException",
        JSON.stringify({ errorType: "io.pgenrm.domain.InvalidInputException", errorMessage: text, function: name }));
    }
    if (!response.ok) {
      throw new TaskError("Lambda.Unknown", JSON.stringify({ status: response.status, errorMessage: text, function: name }));
    }
    return { StatusCode: 200, ExecutedVersion: "$LATEST", Payload: text ? JSON.parse(text) : null };
  };
}

/** Runs one execution to its end and counts its Retry and Catch events (nested Map iterations included). */
const machines = new WeakMap();

export async function execute(definition, input, handlers, stats) {
  // Validated once per definition (asl-validator is slow); each run() is an independent execution.
  if (!machines.has(definition)) {
    machines.set(definition, new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } }));
  }
  const machine = machines.get(definition);
  const names = allStates(definition).filter(([, s]) => s.Type === "Task").map(([n]) => n);
  const execution = machine.run(input, {
    overrides: { taskResourceLocalHandlers: Object.fromEntries(names.map((n) => [n, handlers(n)])) },
  });
  const counting = (async () => {
    for await (const event of execution.eventLogs) {
      const e = event.type?.startsWith("MapIteration") ? null : event;
      if (e?.type === "StateRetried") stats.retried.push(e.state?.name);
      if (e?.type === "StateCaught") stats.caught.push(e.state?.name);
    }
  })();
  try {
    return await execution.result;
  } finally {
    await counting.catch(() => {});
  }
}

/**
 * A local Step Functions account: the evaluate machine (unmodified but for resource routing) and the batch machine
 * (with the Distributed Map substitutions below). Every evaluate execution's input and output is kept in
 * `evaluations`, as the console keeps each nested execution.
 */
export function localWorkflow({ url, sampleConcurrency = 8, itemConcurrency = 4, fault } = {}) {
  const evaluate = renderLocal("evaluate.asl.json", { sampleConcurrency });
  const batch = renderLocal("evaluate-batch.asl.json", { itemConcurrency });
  const lambda = lambdaOverHttp(url);
  const stats = { retried: [], caught: [], lambdaCalls: 0 };
  const evaluations = [];

  const invoke = (state) => async (input) => {
    stats.lambdaCalls++;
    if (fault) await fault(state, input); // throws to inject a failure before the call reaches the function
    return lambda(input);
  };

  async function runEvaluate(request) {
    const record = { request, result: null, error: null };
    evaluations.push(record);
    try {
      record.result = await execute(evaluate, request, handlers, stats);
      return record.result;
    } catch (e) {
      const cause = e.cause ?? e;
      record.error = { Error: cause.name, Cause: cause.message };
      throw e;
    }
  }

  function handlers(state) {
    const def = allStates(evaluate).concat(allStates(batch)).find(([n]) => n === state)?.[1];
    if (def?.Resource === LAMBDA_INVOKE) return invoke(state);
    if (def?.Resource === START_EXECUTION_SYNC) {
      // startExecution.sync:2: a nested execution of the evaluate machine; its Output arrives as JSON (":2").
      // A failed child surfaces as States.TaskFailed with the child's error in the Cause, as in AWS.
      return async ({ StateMachineArn, Input }) => {
        if (StateMachineArn !== EVALUATE_MACHINE_ARN) throw new TaskError("States.Runtime", `unknown state machine ${StateMachineArn}`);
        try {
          return { Status: "SUCCEEDED", Output: await runEvaluate(Input) };
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

  /**
   * evaluate-batch with the rows of a JSONL file. Substitutions, because aws-local-stepfunctions runs every Map
   * inline and knows no Distributed Map fields:
   * - ItemReader (S3 getObject, JSONL) -> ItemsPath $.rows: the file's rows, parsed one JSON value per line as the
   *   JSONL reader does, are added to the execution input. ItemSelector and MaxConcurrencyPath stay as written.
   * - ProcessorConfig DISTRIBUTED (one child execution per item) -> the original ItemProcessor is run as its own
   *   execution per item, from a one-Task wrapper that reports {Status, Output | Error, Cause} the way a child
   *   execution ends, so one failed row does not fail the others (an inline Map would abort them all).
   * - ToleratedFailurePercentage -> applied here over those child results: above it the batch fails with
   *   States.ExceedToleratedFailureThreshold, as the Map Run would.
   * - ResultWriter (S3 putObject) -> the child results are returned (and written to a file by the runner script).
   * Every state inside the ItemProcessor, and the evaluate machine it starts, runs unchanged.
   */
  async function runBatch({ runId, rows, scaling }) {
    const def = structuredClone(batch);
    const map = def.States.Items;
    // A child execution runs the ItemProcessor's states as a machine of their own (ProcessorConfig is the Map's).
    const { ProcessorConfig: _distributed, ...processor } = map.ItemProcessor;
    const tolerated = map.ToleratedFailurePercentage ?? 0;
    delete map.ItemReader;
    delete map.ResultWriter;
    delete map.ToleratedFailurePercentage;
    map.ItemsPath = "$.rows";
    map.ItemProcessor = {
      ProcessorConfig: { Mode: "INLINE" },
      StartAt: "ChildExecution",
      States: {
        ChildExecution: {
          Type: "Task",
          Resource: START_EXECUTION_SYNC,
          Parameters: { StateMachineArn: ROW_CHILD_ARN, "Input.$": "$" },
          End: true,
        },
      },
    };
    const child = async ({ Input }) => {
      try {
        return { Status: "SUCCEEDED", Input, Output: await execute(processor, Input, handlers, stats) };
      } catch (e) {
        const cause = e.cause ?? e;
        return { Status: "FAILED", Input, Error: cause.name, Cause: cause.message };
      }
    };
    const wrapperHandlers = (state) => (state === "ChildExecution" ? child : handlers(state));
    const output = await execute(def, { runId, inputKey: `local/${runId}.jsonl`, scaling, rows }, wrapperHandlers, stats);
    const results = output.results;
    const failed = results.filter((r) => r.Status === "FAILED").length;
    const failedPercent = results.length ? (100 * failed) / results.length : 0;
    return {
      results,
      failed,
      failedPercent,
      toleratedFailurePercentage: tolerated,
      status: failedPercent > tolerated ? "FAILED" : "SUCCEEDED",
      error: failedPercent > tolerated ? "States.ExceedToleratedFailureThreshold" : null,
    };
  }

  return { evaluate: runEvaluate, runBatch, evaluations, stats, definitions: { evaluate, batch } };
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
