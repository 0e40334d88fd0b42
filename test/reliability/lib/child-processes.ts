import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appServerArgs, appServerEnv } from "../../../scripts/lib/app-server";
import { appVariablesOf, cleanEnv } from "../../../scripts/lib/clean-env";
import { sparePort } from "../../../scripts/lib/spare-port";

// Workers and servers run as real child processes so that SIGKILL means what it means in production: no
// finally, no shutdown hook. Each is one process (node itself, no tsx or npm wrapper in between), so the pid
// that is killed is the process that works the queue.

const LOG_DIR = path.resolve("data", "reliability");
const started = new Set<ChildProcess>();

export function logFile(name: string): string {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  return path.join(LOG_DIR, name);
}

/**
 * `env` is the child's whole environment but for what it needs to run. Built from the test process's own app
 * settings (test/integration/setup-env.ts set them deliberately; the caller's shell never reaches them) by the
 * callers below.
 */
function launch(args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, "a");
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
}

/** `npm run worker` as production runs it, minus npm and tsx's wrapper process. */
export function spawnWorker(options: {
  concurrency: number;
  env?: Record<string, string>;
  log?: string;
}): ChildProcess {
  return launch(
    ["--import", "tsx", "scripts/worker.ts"],
    cleanEnv({
      ...appVariablesOf(),
      WORKER_CONCURRENCY: String(options.concurrency),
      LOG_LEVEL: "warn",
      ...options.env,
    }),
    options.log ?? logFile("workers.log"),
  );
}

/** Another web process (the test server: receiver and sandbox) on a spare port; resolves once it answers. */
export async function spawnWebProcess(options: { log: string }) {
  const port = await sparePort();
  const url = `http://127.0.0.1:${port}`;
  const child = launch(
    ["--import", "tsx", "test/reliability/lib/web-process.ts", String(port)],
    cleanEnv({ ...appVariablesOf(), LOG_LEVEL: "warn" }),
    options.log,
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the web process exited early; see ${options.log}`);
    // Any answer will do (a GET on the receiver is a 405): the process is listening.
    const up = await fetch(`${url}/api/webhooks/jivo/up`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (up) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await killHard(child);
  throw new Error(`the web process did not answer in time; see ${options.log}`);
}

/** The production server (scripts/serve.ts, with its in-process worker) on `port`; resolves once /api/health is ok. */
export async function spawnServer(options: {
  port: number;
  env?: Record<string, string>;
  log: string;
  timeoutMs?: number;
}) {
  const url = `http://127.0.0.1:${options.port}`;
  const child = launch(
    appServerArgs(options.port, "127.0.0.1"),
    appServerEnv({ port: options.port, url, settings: { ...appVariablesOf(), ...options.env } }),
    options.log,
  );
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited early; see ${options.log}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await killHard(child);
  throw new Error(`the server did not answer ${url}/api/health in time; see ${options.log}`);
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGKILL, then wait for the exit: the process is gone when this resolves. */
export async function killHard(child: ChildProcess): Promise<void> {
  child.kill("SIGKILL");
  if (!(await exited(child, 10_000))) throw new Error(`process ${child.pid} survived SIGKILL`);
}

/** SIGTERM (a clean stop), SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  child.kill("SIGTERM");
  if (!(await exited(child, graceMs))) await killHard(child);
}

/** For afterAll: stops every child this module started that is still running. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...started].map((child) => stopChild(child, 5_000)));
}
