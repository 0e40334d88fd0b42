import type { ChildProcess } from "node:child_process";
import { killHard, logFile, spawnServer, spawnWebProcess, spawnWorker, stopChild } from "./child-processes";
import type { Host } from "./run-scenario";

// Retries start at 20 ms and never wait more than 1 s: with a fifth of all calls failing, a burst's unluckiest
// chat needs a dozen attempts or more, and doubling without a cap would leave it waiting minutes for the last one
// (a 14th attempt 164 s after the 13th: the run's outcome would depend on how unlucky it got, not on the code).
// When a retry happens is the retry policy's business (unit-tested); these suites check what it leads to.
const FAST_RETRIES = { JOB_RETRY_BASE_MS: "20", JOB_RETRY_MAX_MS: "1000" };

/**
 * The test HTTP server (receiver and sandbox, in the test process) at `url`, with `workers` worker processes;
 * with `crashes`, the first worker is SIGKILLed that many times and replaced at once. With `extraWebProcesses`,
 * that many more receivers run as their own processes and deliveries are dealt between all of them.
 */
export function workerHost(
  url: string,
  options: {
    workers: number;
    concurrency: number;
    crashes?: number;
    extraWebProcesses?: number;
    env?: Record<string, string>;
  },
): Host {
  const children: ChildProcess[] = [];
  const log = logFile("workers.log");
  const env = { ...FAST_RETRIES, ...options.env };
  const spawn = () => spawnWorker({ concurrency: options.concurrency, env, log });
  const receivers = [url];
  return {
    url,
    receivers,
    async start() {
      for (let i = 0; i < (options.extraWebProcesses ?? 0); i++) {
        const web = await spawnWebProcess({ log: logFile("web-processes.log") });
        children.push(web.child);
        receivers.push(web.url);
      }
      for (let i = 0; i < options.workers; i++) children.push(spawn());
    },
    crash: options.crashes
      ? {
          times: options.crashes,
          dropsDeliveries: false,
          async strike() {
            await killHard(children[0]!);
            children[0] = spawn();
          },
        }
      : undefined,
    async stop() {
      await Promise.all(children.map((child) => stopChild(child)));
    },
  };
}

/**
 * The production server (`next start`: receiver, sandbox and in-process worker in one process) on a fixed port,
 * SIGKILLed `crashes` times and started again; deliveries sent while it is down are re-sent, as JivoChat does.
 */
export async function serverHost(options: {
  port: number;
  crashes: number;
  env?: Record<string, string>;
}): Promise<Host> {
  const log = logFile("server.log");
  const boot = () => spawnServer({ port: options.port, env: { ...FAST_RETRIES, ...options.env }, log });
  let server = await boot();
  return {
    url: server.url,
    async start() {},
    crash: {
      times: options.crashes,
      dropsDeliveries: true,
      async strike() {
        await killHard(server.child);
        server = await boot();
      },
    },
    async stop() {
      await stopChild(server.child);
    },
  };
}
