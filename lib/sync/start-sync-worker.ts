import { startAlerts } from "@/lib/alerts/start-alerts";
import { env } from "@/lib/env";
import { startBatchRunner } from "@/lib/events/start-batch-runner";
import { startWorker } from "@/lib/jobs/run-worker";
import { processEvent, settleEvent } from "./process-event";
import { startMaintenance } from "./run-maintenance";

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
