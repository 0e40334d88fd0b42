import { startAlerts } from "@/lib/alerts/start-alerts";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { purgeExpiredPayloads } from "@/lib/events/purge-expired-payloads";
import { runDueReprocessBatches, onBatchQueued } from "@/lib/events/reprocess";
import { checkIntegrationHealth } from "@/lib/integrations/health";
import { startWorker } from "@/lib/jobs/run-worker";
import { logger } from "@/lib/log/logger";
import { processEvent, settleEvent } from "@/lib/sync/process-event";

// The worker process: queued events to Ploomes, reprocess batches, maintenance (purge, health) and alerts.

/** The worker that turns queued JivoChat events into Ploomes records (in the web process or standalone). */
export function startSyncWorker(options: { concurrency?: number; pollMs?: number } = {}) {
  const stopMaintenance = startMaintenance();
  const stopAlerts = startAlerts();
  const worker = startWorker({
    handler: processEvent,
    onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
    concurrency: options.concurrency ?? env.WORKER_CONCURRENCY,
    pollMs: options.pollMs,
    retryBaseMs: env.JOB_RETRY_BASE_MS,
    retryMaxMs: env.JOB_RETRY_MAX_MS,
    // Ample for a chat's dozen Ploomes calls, each bounded by the client's timeout and a wait for its budget slot.
    attemptTimeoutMs: Math.max(60_000, env.PLOOMES_TIMEOUT_MS * 30),
  });
  const batches = startBatchRunner(worker.workerId);
  return {
    workerId: worker.workerId,
    async stop() {
      stopMaintenance();
      stopAlerts();
      await batches.stop();
      await worker.stop();
    },
  };
}

const EVERY_MS = 10 * 60_000;
export const HEALTH_INTERVAL_MS = 30 * 60_000;

/**
 * Periodic chores of a worker process: the LGPD purge, and the health check of every active integration that
 * was not checked recently. The check is claimed through `lastHealthAt`, so with several workers each integration
 * is checked by one of them.
 */
export async function runMaintenanceOnce(now = new Date()): Promise<void> {
  const purged = await purgeExpiredPayloads(now);
  if (purged) logger.info({ purged }, "purged expired payloads");
  const due = await systemDb.integration.findMany({
    where: {
      status: "active",
      OR: [{ lastHealthAt: null }, { lastHealthAt: { lt: new Date(now.getTime() - HEALTH_INTERVAL_MS) } }],
    },
    include: { connection: true },
    take: 20,
  });
  for (const integration of due) {
    const claimed = await systemDb.integration.updateMany({
      where: { id: integration.id, lastHealthAt: integration.lastHealthAt },
      data: { lastHealthAt: now },
    });
    if (claimed.count !== 1) continue;
    const problems = await checkIntegrationHealth(integration).catch((error) => {
      logger.warn({ err: error, integrationId: integration.id }, "health check failed");
      return [];
    });
    if (problems.length)
      logger.warn({ integrationId: integration.id, problems: problems.map((p) => p.code) }, "integration flagged");
  }
}

export function startMaintenance(): () => void {
  const run = () => runMaintenanceOnce().catch((error) => logger.error({ err: error }, "maintenance failed"));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * A worker's loop for bulk reprocess batches: works every due batch, then waits for a new one (signalled in this
 * process) or the next poll (batches started through another process). stop() lets the current chunk finish.
 */
export function startBatchRunner(workerId: string, options: { pollMs?: number; chunkSize?: number } = {}) {
  const pollMs = options.pollMs ?? 3_000;
  let stopping = false;
  let wake: (() => void) | null = null;
  const unsubscribe = onBatchQueued(() => wake?.());

  async function loop() {
    while (!stopping) {
      await runDueReprocessBatches(workerId, { chunkSize: options.chunkSize, shouldStop: () => stopping }).catch(
        (error) => logger.error({ err: error }, "bulk reprocess chunk failed"),
      );
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  const done = loop();
  return {
    async stop() {
      stopping = true;
      unsubscribe();
      wake?.();
      await done;
    },
  };
}
