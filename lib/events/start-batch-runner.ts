import { logger } from "@/lib/log/logger";
import { runDueReprocessBatches } from "./reprocess-batch";
import { onBatchQueued } from "./reprocess-batch-signal";

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
      await runDueReprocessBatches(workerId, { chunkSize: options.chunkSize, shouldStop: () => stopping }).catch((error) =>
        logger.error({ err: error }, "bulk reprocess chunk failed"),
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
