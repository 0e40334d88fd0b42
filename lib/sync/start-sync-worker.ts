import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/run-worker";
import { processEvent, settleEvent } from "./process-event";

/** The worker that turns queued JivoChat events into Ploomes records (in the web process or standalone). */
export function startSyncWorker(options: { concurrency?: number; pollMs?: number } = {}) {
  return startWorker({
    handler: processEvent,
    onSettled: (job, settled) => settleEvent(job.eventId, settled),
    concurrency: options.concurrency ?? env.WORKER_CONCURRENCY,
    pollMs: options.pollMs,
  });
}
