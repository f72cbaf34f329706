// The population (users' histories, personas, prototypes) the functions read from PostgreSQL, stored before a batch.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./app.js";

/**
 * No state or function of evaluate-batch stores the train rows or builds the prototypes: prepareBenchmarkItem and
 * matchPrototype only read them from storage. So before the batch, the file's train rows alone are given to the local
 * app's `evaluate` CLI, which induces every persona, clusters the prototypes (seed 7, --prototypes as given) and
 * stores them, exactly as `pgenrm evaluate FILE` does; with no test rows it evaluates nothing.
 */
export async function storePopulation({ lines, dataDir, prototypes = 0, env, log }) {
  const train = lines.filter((line) => {
    try {
      return JSON.parse(line)?.split === "train";
    } catch {
      return false;
    }
  });
  const dir = mkdtempSync(join(tmpdir(), "pgenrm-asl-train-"));
  try {
    const file = join(dir, "train.jsonl");
    writeFileSync(file, train.join("\n") + "\n");
    const output = await runCli(
      ["evaluate", file, "--prototypes", String(prototypes), "--run-id", "asl-population-setup", "--report", join(dir, "report.json")],
      { dataDir, env, log },
    );
    const m = output.match(/(\d+) personas induced, (\d+) prototypes/);
    return { trainRows: train.length, personas: m ? Number(m[1]) : null, prototypes: m ? Number(m[2]) : null, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
