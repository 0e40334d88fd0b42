import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appServerArgs } from "../../scripts/lib/app-server";
import { sparePort } from "../../scripts/lib/spare-port";

// Child processes of a benchmark (the production server, workers, the baseline server): started on loopback,
// their output in data/bench/<label>.log, stopped by their own pid only.

export type BenchProcess = { child: ChildProcess; logFile: string; stop(): Promise<void> };
export type Env = Record<string, string | undefined>;

export function startProcess(label: string, command: string, args: string[], env: Env): BenchProcess {
  const logFile = path.resolve("data", "bench", `${label}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const child = spawn(command, args, { env: env as NodeJS.ProcessEnv, stdio: ["ignore", log, log] });
  fs.closeSync(log); // the child holds its own copy
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()).once("error", () => resolve()));
  return {
    child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      // A worker lets running jobs finish (20 s grace); past that it is killed, still by its own pid.
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 2xx, or fails if the process exits or the time runs out. */
export async function waitUntilUp(url: string, processHandle: BenchProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processHandle.child.exitCode !== null)
      throw new Error(`${url}: the process exited early, see ${processHandle.logFile}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s, see ${processHandle.logFile}`);
}

/**
 * The production server (scripts/serve.ts, as `npm start` runs it) on a spare loopback port, with the given extra environment. `nodeArgs`
 * go to node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses).
 */
export async function startApp(
  label: string,
  env: Env,
  nodeArgs: string[] = [],
): Promise<BenchProcess & { url: string }> {
  const port = await sparePort();
  const url = `http://127.0.0.1:${port}`;
  const appEnv: Env = {
    ...process.env,
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url,
    NODE_ENV: "production",
    ...env,
  };
  const app = startProcess(label, process.execPath, [...nodeArgs, ...appServerArgs(port, "127.0.0.1")], appEnv);
  try {
    await waitUntilUp(`${url}/api/health`, app);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { ...app, url };
}
