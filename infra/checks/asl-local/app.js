// The local app (functions/local-app) as a child process: `serve` on a free port with its own embedded PostgreSQL
// data directory, and the `evaluate` CLI on the same directory. Only processes started here are ever stopped.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../test/lib.js";

export const JAR = join(REPO, "functions", "local-app", "target", "quarkus-app", "quarkus-run.jar");
export const SIMULATOR_JAR = join(REPO, "infra", "inference-simulator", "target", "pgenrm-inference-simulator.jar");

export function jarMissingReason(jar = JAR) {
  const module = jar === SIMULATOR_JAR ? "infra/inference-simulator" : "functions/local-app";
  return existsSync(jar)
    ? null
    : `${jar} is missing: build it with ./mvnw -B -ntp -o -q package -DskipTests -pl ${module} -am`;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh embedded-PostgreSQL data directory; remove() deletes it (call after every process using it stopped). */
export function freshDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "pgenrm-asl-"));
  // As root the embedded PostgreSQL runs as an unprivileged account, which must be able to enter the directory.
  chmodSync(dir, 0o755);
  return { dir: join(dir, "pgdata"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const live = new Set();
process.on("exit", () => {
  for (const child of live) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

/** Settings that would point the app at another database than the fresh embedded one: never inherited. */
const FOREIGN_DATABASE = ["PGENRM_DB_URL", "PGENRM_DB_USER", "PGENRM_DB_PASSWORD", "QUARKUS_DATASOURCE_REACTIVE_URL",
  "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"];

function start(args, { dataDir, env = {}, jvm = [], log, jar = JAR }) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !FOREIGN_DATABASE.includes(k)));
  const child = spawn("java", [...jvm, "-jar", jar, ...args], {
    cwd: REPO,
    env: { ...inherited, PGENRM_DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so a stuck JVM and its PostgreSQL can be killed together
  });
  live.add(child);
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-20000);
    log?.(chunk.toString());
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, output: () => output };
}

/**
 * Starts `serve` and resolves once HTTP answers. stop() sends SIGTERM (Quarkus shuts down and the embedded
 * PostgreSQL with it) and SIGKILLs the process group if it has not exited within 30 s.
 */
export async function serve({ dataDir, env, jvm = [], log, readyTimeoutMs = 90_000 }) {
  const port = await freePort();
  const run = start(["serve"], { dataDir, env, jvm: [`-Dquarkus.http.port=${port}`, ...jvm], log });
  const url = `http://127.0.0.1:${port}`;
  let exitedEarly = null;
  run.exited.then((e) => (exitedEarly = e));
  const stop = async () => {
    if (exitedEarly) return;
    try {
      process.kill(run.child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-run.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 30_000);
    await run.exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitedEarly) throw new Error(`local app exited before serving (${JSON.stringify(exitedEarly)}):\n${run.output()}`);
    try {
      await fetch(`${url}/q/ready-probe`, { signal: AbortSignal.timeout(2000) });
      return { url, port, stop, output: run.output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`local app did not answer on ${url} within ${readyTimeoutMs} ms:\n${run.output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts our simulated OpenAI-compatible endpoint (infra/inference-simulator) on a free port with the given `serve`
 * flags; resolves once it answers. stats() reads its counters (GET /stats: requests, choices, off_format_prompts, ...).
 */
export async function simulator({ args = [], log, readyTimeoutMs = 30_000 } = {}) {
  const port = await freePort();
  const run = start(["serve", "--port", String(port), ...args], { dataDir: "", log, jar: SIMULATOR_JAR });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-run.child.pid, "SIGKILL");
    } catch {
      return;
    }
    await run.exited;
  };
  const stats = async () => (await fetch(`${url}/stats`)).json();
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    try {
      await stats();
      return { url, baseUrl: `${url}/v1`, stats, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`simulator did not answer on ${url} within ${readyTimeoutMs} ms:\n${run.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
