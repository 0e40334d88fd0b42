import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { claimNextJob, LEASE_MS } from "./claim-next-job";
import { onJobQueued } from "./enqueue";
import { completeJob, deferJob, extendLease, failJob, releaseJob, scheduleRetry } from "./job-transitions";
import { nextRunAt } from "./retry-policy";

export type ClaimedJob = { id: string; eventId: string; attempts: number };

export type JobOutcome =
  | { kind: "done" }
  | { kind: "retry"; error: string; retryAfterMs?: number }
  | { kind: "failed"; error: string }
  /** Not attempted (e.g. another job holds the same identity): back to the queue for `delayMs`, the attempt uncounted. */
  | { kind: "deferred"; reason: string; delayMs: number };

/** What became of a job after an attempt; the caller mirrors it on the event. */
export type Settled =
  | { status: "done" }
  | { status: "retrying"; runAt: Date; error: string }
  | { status: "failed"; error: string; exhausted: boolean }
  | { status: "deferred"; runAt: Date; reason: string };

export type WorkerOptions = {
  handler: (job: ClaimedJob, signal: AbortSignal) => Promise<JobOutcome>;
  /** Mirrors the job's fate elsewhere, in the transaction that settles the job: both are written or neither. */
  onSettled?: (job: ClaimedJob, settled: Settled, tx: Prisma.TransactionClient) => Promise<void>;
  concurrency: number;
  pollMs?: number;
  workerId?: string;
  /** How long stop() lets running jobs finish before handing them back. */
  shutdownGraceMs?: number;
  /** First retry delay; doubles per attempt (see retry-policy). */
  retryBaseMs?: number;
  /** Longest retry delay (default 6 h): tests keep a run of failures from growing into minutes. */
  retryMaxMs?: number;
  /**
   * The longest one attempt may run. A handler still busy then is abandoned: aborted, its lease no longer
   * renewed, and the job scheduled for a retry that resumes from what the attempt stored.
   */
  attemptTimeoutMs?: number;
};

const DEFAULT_ATTEMPT_TIMEOUT_MS = 10 * 60_000;

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`a tentativa passou de ${Math.round(ms / 1000)} s sem terminar e foi abandonada`);
    this.name = "AttemptTimeout";
  }
}

const HEARTBEAT_MS = Math.max(200, Math.floor(LEASE_MS / 5));

export function startWorker(options: WorkerOptions) {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  const running = new Map<string, { promise: Promise<void>; abort: AbortController }>();
  let stopping = false;
  let wake: (() => void) | null = null;
  const unsubscribe = onJobQueued(() => wake?.());

  /** What the outcome makes of the job: its new state, and the transition that writes it. */
  async function decide(
    job: ClaimedJob,
    outcome: JobOutcome,
  ): Promise<{ settled: Settled; write: (tx: Prisma.TransactionClient) => Promise<boolean> }> {
    if (outcome.kind === "done")
      return { settled: { status: "done" }, write: (tx) => completeJob(job.id, workerId, tx) };
    if (outcome.kind === "deferred") {
      const runAt = new Date(Date.now() + outcome.delayMs);
      return {
        settled: { status: "deferred", runAt, reason: outcome.reason },
        write: (tx) => deferJob(job.id, workerId, runAt, tx),
      };
    }
    if (outcome.kind === "failed") {
      return {
        settled: { status: "failed", error: outcome.error, exhausted: false },
        write: (tx) => failJob(job.id, workerId, outcome.error, tx),
      };
    }
    const row = await systemDb.job.findUnique({ where: { id: job.id }, select: { createdAt: true } });
    const runAt =
      row &&
      nextRunAt({
        attempt: job.attempts,
        createdAt: row.createdAt,
        retryAfterMs: outcome.retryAfterMs,
        baseMs: options.retryBaseMs,
        capMs: options.retryMaxMs,
      });
    if (runAt) {
      return {
        settled: { status: "retrying", runAt, error: outcome.error },
        write: (tx) => scheduleRetry(job.id, workerId, runAt, outcome.error, tx),
      };
    }
    const error = `gave up after ${job.attempts} attempts: ${outcome.error}`;
    return {
      settled: { status: "failed", error: outcome.error, exhausted: true },
      write: (tx) => failJob(job.id, workerId, error, tx),
    };
  }

  // The job and what mirrors it (the event) change in one transaction: a crash between the two would leave a
  // finished job under an event shown in progress for ever. A worker that lost its lease writes neither.
  async function settle(job: ClaimedJob, outcome: JobOutcome) {
    const { settled, write } = await decide(job, outcome);
    await systemDb.$transaction(async (tx) => {
      if (await write(tx)) await options.onSettled?.(job, settled, tx);
    });
  }

  async function runJob(job: ClaimedJob, abort: AbortController) {
    const heartbeat = setInterval(() => void extendLease(job.id, workerId).catch(() => undefined), HEARTBEAT_MS);
    const timeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    let watchdog: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      watchdog = setTimeout(() => reject(new AttemptTimeout(timeoutMs)), timeoutMs);
    });
    try {
      const outcome = await Promise.race([options.handler(job, abort.signal), timedOut]);
      if (abort.signal.aborted) return releaseJob(job.id, workerId);
      await settle(job, outcome);
    } catch (error) {
      if (error instanceof AttemptTimeout) {
        // The handler may still wake: the abort stops it before its next Ploomes write.
        abort.abort(error);
        clearInterval(heartbeat);
        logger.error({ jobId: job.id, timeoutMs }, "job attempt timed out; abandoned for a retry");
      } else if (abort.signal.aborted) {
        return releaseJob(job.id, workerId);
      } else {
        logger.error({ err: error, jobId: job.id }, "job handler crashed");
      }
      await settle(job, { kind: "retry", error: error instanceof Error ? error.message : String(error) }).catch(
        (settleError) => logger.error({ err: settleError, jobId: job.id }, "could not record job failure"),
      );
    } finally {
      clearInterval(heartbeat);
      clearTimeout(watchdog);
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
