// Shared loaders for the checks: ASL templates and Terraform configurations, read from the repository.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { parse } = require("@cdktf/hcl2json");

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const ASL_DIR = join(REPO, "infra", "statemachine");
export const TF_DIR = join(REPO, "terraform");
export const ASL_FILES = ["evaluate.asl.json", "evaluate-batch.asl.json", "build-population.asl.json"];

const TEMPLATE_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function readTemplate(file) {
  return readFileSync(join(ASL_DIR, file), "utf8");
}

export function templateVars(text) {
  return new Set([...text.matchAll(TEMPLATE_VAR)].map((m) => m[1]));
}

/** Dummy value per template variable: an ARN for *_arn, a number for *_concurrency, else a plain name. */
export function dummyValue(name) {
  if (name.endsWith("_arn")) {
    const kind = name.endsWith("_state_machine_arn") ? "states" : "lambda";
    return kind === "states"
      ? `arn:aws:states:us-east-1:111122223333:stateMachine:dummy-${name.replace(/_state_machine_arn$/, "").replaceAll("_", "-")}`
      : `arn:aws:lambda:us-east-1:111122223333:function:dummy-${name.replace(/_arn$/, "").replaceAll("_", "-")}:live`;
  }
  if (name.endsWith("_concurrency")) return "8";
  if (name.endsWith("_prefix")) return "batches/results/";
  return "dummy-" + name.replaceAll("_", "-");
}

/** Renders a template the way Terraform's templatefile would for these files (only ${name} is interpolated). */
export function render(text, values = {}) {
  return text.replace(TEMPLATE_VAR, (_, name) => values[name] ?? dummyValue(name));
}

export function loadAsl(file) {
  return JSON.parse(render(readTemplate(file)));
}

/** Every state of a machine, nested Map/Parallel states included, as [name, state, path]. */
export function allStates(machine, path = []) {
  const out = [];
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    out.push([name, state, [...path, name].join("/")]);
    const inner = state.ItemProcessor ?? state.Iterator;
    if (inner) out.push(...allStates(inner, [...path, name]));
    for (const [i, branch] of (state.Branches ?? []).entries()) out.push(...allStates(branch, [...path, name, `branch${i}`]));
  }
  return out;
}

function tfFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === ".terraform") continue;
    if (statSync(p).isDirectory()) out.push(...tfFiles(p));
    else if (entry.endsWith(".tf")) out.push(p);
  }
  return out;
}

const cache = new Map();

/** Parsed .tf files grouped by module directory: Map(dir -> [{file, doc, text}]). */
export async function loadTerraform() {
  if (cache.size) return cache;
  for (const file of tfFiles(TF_DIR).sort()) {
    const text = readFileSync(file, "utf8");
    const doc = await parse(file, text);
    const dir = relative(TF_DIR, dirname(file)) || ".";
    if (!cache.has(dir)) cache.set(dir, []);
    cache.get(dir).push({ file: relative(REPO, file), doc, text });
  }
  return cache;
}

/** All blocks of one kind in a module directory: resource/data give [type, name, body]; variable/output/module give [name, body]. */
export function blocks(files, kind, type) {
  const out = [];
  for (const { doc, file } of files) {
    const section = doc[kind];
    if (!section) continue;
    if (kind === "resource" || kind === "data") {
      for (const [t, byName] of Object.entries(section)) {
        if (type && t !== type) continue;
        for (const [name, bodies] of Object.entries(byName)) for (const body of bodies) out.push({ type: t, name, body, file });
      }
    } else if (kind === "locals") {
      for (const body of section) out.push({ body, file });
    } else {
      for (const [name, bodies] of Object.entries(section)) for (const body of bodies) out.push({ name, body, file });
    }
  }
  return out;
}

export function locals(files) {
  return Object.assign({}, ...blocks(files, "locals").map((b) => b.body));
}
