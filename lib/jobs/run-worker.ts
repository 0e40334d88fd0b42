import { randomUUID } from "node:crypto";
import os from "node:os";
import { systemDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { claimNextJob, LEASE_MS } from "./claim-next-job";
import { onJobQueued } from "./job-signal";
import { completeJob, extendLease, failJob, releaseJob, scheduleRetry } from "./job-transitions";
import { nextRunAt } from "./retry-policy";

export type ClaimedJob = { id: string; eventId: string; attempts: number };

export type JobOutcome =
  | { kind: "done" }
  | { kind: "retry"; error: string; retryAfterMs?: number }
  | { kind: "failed"; error: string };

/** What became of a job after an attempt; the caller mirrors it on the event. */
export type Settled =
  | { status: "done" }
  | { status: "retrying"; runAt: Date; error: string }
  | { status: "failed"; error: string; exhausted: boolean };

export type WorkerOptions = {
  handler: (job: ClaimedJob, signal: AbortSignal) => Promise<JobOutcome>;
  onSettled?: (job: ClaimedJob, settled: Settled) => Promise<void>;
  concurrency: number;
  pollMs?: number;
  workerId?: string;
  /** How long stop() lets running jobs finish before handing them back. */
  shutdownGraceMs?: number;
  /** First retry delay; doubles per attempt (see retry-policy). */
  retryBaseMs?: number;
};

const HEARTBEAT_MS = Math.max(200, Math.floor(LEASE_MS / 5));

export function startWorker(options: WorkerOptions) {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  const running = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const unsubscribe = onJobQueued(() => wake?.());

  async function settle(job: ClaimedJob, outcome: JobOutcome) {
    let settled: Settled;
    if (outcome.kind === "done") {
      await completeJob(job.id, workerId);
      settled = { status: "done" };
    } else if (outcome.kind === "failed") {
      await failJob(job.id, workerId, outcome.error);
      settled = { status: "failed", error: outcome.error, exhausted: false };
    } else {
      const row = await systemDb.job.findUnique({ where: { id: job.id }, select: { createdAt: true } });
      const runAt = row && nextRunAt({
        attempt: job.attempts,
        createdAt: row.createdAt,
        retryAfterMs: outcome.retryAfterMs,
        baseMs: options.retryBaseMs,
      });
      if (runAt) {
        await scheduleRetry(job.id, workerId, runAt, outcome.error);
        settled = { status: "retrying", runAt, error: outcome.error };
      } else {
        await failJob(job.id, workerId, `gave up after ${job.attempts} attempts: ${outcome.error}`);
        settled = { status: "failed", error: outcome.error, exhausted: true };
      }
    }
    await options.onSettled?.(job, settled);
  }

  async function runJob(job: ClaimedJob, abort: AbortController) {
    const heartbeat = setInterval(() => void extendLease(job.id, workerId).catch(() => undefined), HEARTBEAT_MS);
    try {
      const outcome = await options.handler(job, abort.signal);
      if (abort.signal.aborted) return releaseJob(job.id, workerId);
      await settle(job, outcome);
    } catch (error) {
      if (abort.signal.aborted) return releaseJob(job.id, workerId);
      logger.error({ err: error, jobId: job.id }, "job handler crashed");
      await settle(job, { kind: "retry", error: error instanceof Error ? error.message : String(error) }).catch(
        (settleError) => logger.error({ err: settleError, jobId: job.id }, "could not record job failure"),
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function loop() {
    while (!stopping) {
      if (running.size >= options.concurrency) {
        await Promise.race([...running.values()].map((entry) => entry.promise));
        continue;
      }
      let job: ClaimedJob | null = null;
      try {
        job = await claimNextJob(workerId);
      } catch (error) {
        logger.warn({ err: error }, "could not claim a job");
      }
      if (!job) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        continue;
      }
      const abort = new AbortController();
      const claimed = job;
      const promise = runJob(claimed, abort).finally(() => running.delete(claimed.id));
      running.set(claimed.id, { promise, abort });
    }
  }

  const done = loop();
  logger.info({ workerId, concurrency: options.concurrency }, "worker started");

  return {
    workerId,
    async stop() {
      stopping = true;
      unsubscribe();
      wake?.();
      const grace = new Promise((resolve) => setTimeout(resolve, options.shutdownGraceMs ?? 20_000).unref());
      await Promise.race([Promise.all([...running.values()].map((entry) => entry.promise)), grace]);
      for (const entry of running.values()) entry.abort.abort();
      await Promise.all([...running.values()].map((entry) => entry.promise));
      await done;
      logger.info({ workerId }, "worker stopped");
    },
  };
}
