#!/usr/bin/env node
// Runs infra/statemachine/evaluate-batch.asl.json (and, per test row, evaluate.asl.json) on a PersonalRewardBench
// JSONL file with aws-local-stepfunctions, every Lambda Task served by the real functions of the local app over
// HTTP, and compares each evaluation with the in-process workflow (POST /evaluate) on the same request.
//
//   cd infra/checks && npm ci && node run-asl-batch.js FILE [options]      (or: npm run asl-batch -- FILE [options])
//
// Needs functions/local-app/target/quarkus-app/quarkus-run.jar
// (./mvnw -B -ntp -o -q package -DskipTests -pl functions/local-app -am). Exit code 0 when the batch succeeded, no state
// or Task payload passed the 200 KB budget (Step Functions fails an execution above 256 KiB; locally it is measured),
// and every evaluation equals the in-process one, 1 otherwise, 2 on bad usage.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { freshDataDir, jarMissingReason, serve } from "./asl-local/app.js";
import { compareAll } from "./asl-local/compare.js";
import { localWorkflow, parseJsonl, PAYLOAD_BUDGET, PAYLOAD_LIMIT } from "./asl-local/machine.js";
import { REPO } from "./test/lib.js";

const USAGE = `usage: node run-asl-batch.js FILE [options]
  --ind N                 Ind-N samples per item (default 4, as pgenrm evaluate)
  --pro M                 Pro-M samples per item (default 4)
  --self-weight W         weight of the Ind-N mean (default 0.5)
  --prototype-weight W    weight of the Pro-M mean (default 0.5)
  --both-orders           also score every sample with the candidates reversed (ScalingPlan.bothOrders)
  --prototypes K          number of prototypes, 0 = about sqrt(users/2) (default 0; the batch input's "prototypes")
  --run-id ID             batch run id (default asl-<file name>)
  --item-concurrency N    rows in flight (the batch Map's MaxConcurrency; default 4)
  --sample-concurrency N  samples in flight per evaluation (the sample Map's MaxConcurrency; default 8)
  --no-compare            do not run the in-process workflow for comparison
  --out FILE              JSON results (default reports/asl-<run id>.json under the repository)
  --verbose               print the local app's output`;

function fail(message) {
  console.error(`run-asl-batch: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      ind: { type: "string", default: "4" },
      pro: { type: "string", default: "4" },
      "self-weight": { type: "string", default: "0.5" },
      "prototype-weight": { type: "string", default: "0.5" },
      "both-orders": { type: "boolean", default: false },
      prototypes: { type: "string", default: "0" },
      "run-id": { type: "string" },
      "item-concurrency": { type: "string", default: "4" },
      "sample-concurrency": { type: "string", default: "8" },
      "no-compare": { type: "boolean", default: false },
      out: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (e) {
  fail(e.message);
}
const { values: opt, positionals } = parsed;
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail("name one JSONL file");
// `npm run asl-batch -- FILE` runs in infra/checks; paths are the caller's, relative to where npm was started.
const base = process.env.npm_lifecycle_event === "asl-batch" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const file = resolve(base, positionals[0]);
const number = (name) => {
  const n = Number(opt[name]);
  if (!Number.isFinite(n)) fail(`--${name} must be a number, got ${opt[name]}`);
  return n;
};
const scaling = {
  ind: number("ind"), pro: number("pro"), selfWeight: number("self-weight"), prototypeWeight: number("prototype-weight"),
  bothOrders: opt["both-orders"],
};
const runId = opt["run-id"] ?? `asl-${basename(file).replace(/\.jsonl?$/, "")}`;
const out = opt.out ? resolve(base, opt.out) : join(REPO, "reports", `${runId.startsWith("asl-") ? "" : "asl-"}${runId}.json`);
const missing = jarMissingReason();
if (missing) fail(missing);

let text;
try {
  text = readFileSync(file, "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${e.message}`);
}
let rows;
try {
  rows = parseJsonl(text, file);
} catch (e) {
  fail(e.message);
}

const log = opt.verbose ? (chunk) => process.stderr.write(chunk) : undefined;
const data = freshDataDir();
let app;
const started = Date.now();
try {
  app = await serve({ dataDir: data.dir, log });
  console.log(`local app serving the functions on ${app.url}`);

  const wf = localWorkflow({
    url: app.url,
    itemConcurrency: number("item-concurrency"),
    sampleConcurrency: number("sample-concurrency"),
  });
  const t0 = Date.now();
  const batch = await wf.runBatch({ runId, rows, scaling, prototypes: number("prototypes") });
  const batchSeconds = (Date.now() - t0) / 1000;
  const registered = batch.history.filter((r) => r.Status === "SUCCEEDED" && r.Output?.stored).length;
  const p = batch.population;
  console.log(`population (the batch's History map and buildPopulation): ${registered} train rows registered` +
    (p ? `, ${p.users} users, ${p.personas} personas, ${p.prototypes} prototypes, ${p.failedUsers} users without persona` : ", not built"));

  const statuses = {};
  for (const r of batch.results) {
    const s = r.Status === "SUCCEEDED" ? r.Output.status : "CHILD_FAILED";
    statuses[s] = (statuses[s] ?? 0) + 1;
  }
  const evaluated = batch.results.filter((r) => r.Status === "SUCCEEDED" && r.Output.status !== "SKIPPED").length;
  const correct = statuses.CORRECT ?? 0;
  console.log(`batch ${runId}: ${batch.status}${batch.error ? ` (${batch.error}: ${String(batch.cause).slice(0, 300)})` : ""}  ${rows.length} rows in ${batchSeconds.toFixed(1)} s, ` +
    `${batch.failed} child executions failed (${batch.failedPercent.toFixed(1)}%, tolerated ${batch.toleratedFailurePercentage}%)`);
  console.log(`  recorded: ${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  if (evaluated) console.log(`  accuracy ${((100 * correct) / evaluated).toFixed(2)}% (${correct} correct of ${evaluated} recorded test items)`);
  console.log(`  Lambda tasks ${wf.stats.lambdaCalls}, retried ${wf.stats.retried.length}, caught ${wf.stats.caught.length}`);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const largest = wf.stats.largestPayload;
  console.log(`  largest payload ${kib(largest.bytes)} (${largest.where} ${largest.kind}); ${wf.stats.overBudget} payloads over ` +
    `the ${PAYLOAD_BUDGET / 1000} KB budget, ${wf.stats.overLimit} over Step Functions' ${kib(PAYLOAD_LIMIT)}` +
    `${wf.stats.overLimit ? ", each of which would fail its execution in AWS (States.DataLimitExceeded)" : ""}`);
  const top = Object.entries(wf.stats.payloads).map(([where, kinds]) => [where, Math.max(...Object.values(kinds))])
    .sort((a, b) => b[1] - a[1]).slice(0, 5);
  console.log(`  largest per state: ${top.map(([where, n]) => `${where} ${kib(n)}`).join(", ")}`);
  for (const r of batch.results.filter((x) => x.Status === "FAILED").slice(0, 5)) {
    console.log(`  failed row (user ${r.Input?.row?.user_id}): ${r.Error}: ${String(r.Cause).slice(0, 300)}`);
  }

  let comparison = null;
  if (!opt["no-compare"]) {
    comparison = await compareAll(app.url, wf.evaluations);
    console.log(`comparison with the in-process workflow (POST /evaluate, same requests): ${comparison.identical}/${comparison.compared} identical, ` +
      `max |reward difference| ${comparison.maxRewardDifference.toExponential(2)}`);
    for (const item of comparison.items.filter((i) => i.differences.length).slice(0, 10)) {
      console.log(`  ${item.requestId} (user ${item.userId}): ${item.differences.slice(0, 5).join("; ")}`);
    }
  }

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({
    file, runId, scaling, rows: rows.length, seconds: (Date.now() - started) / 1000,
    substitutions: "per Distributed Map: ItemReader -> rows inline (ItemsPath $.rows); one child execution per row; ToleratedFailurePercentage checked by a Task after the Map; ResultWriter -> this file",
    batch: { status: batch.status, error: batch.error, cause: batch.cause, population: batch.population, failed: batch.failed, failedPercent: batch.failedPercent, results: batch.results.map(({ Input, ...r }) => ({ row: Input?.row?.user_id, ...r })) },
    stats: wf.stats,
    evaluations: comparison ? comparison.items : wf.evaluations,
  }, null, 2));
  console.log(`results: ${out}`);
  const ok = batch.status === "SUCCEEDED" && wf.stats.overBudget === 0 && (!comparison || comparison.identical === comparison.compared);
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  console.error(`run-asl-batch: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await app?.stop();
  data.remove();
}
