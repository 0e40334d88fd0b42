import { recordSocketAddress } from "@/lib/auth/record-socket-address";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startSyncWorker } from "@/lib/sync/start-sync-worker";
import { ensureFirstAdmin } from "./ensure-first-admin";

let started = false;

/** Once per web process: first-run bootstrap, then the in-process worker (unless WORKER_ENABLED=false). */
export async function onServerStart(): Promise<void> {
  if (started) return;
  started = true;
  // First: the sign-in throttle's per-IP key comes from it (a request queued while the server was starting has
  // none, and is throttled per e-mail only).
  recordSocketAddress();
  try {
    await ensureFirstAdmin();
  } catch (error) {
    logger.error({ err: error }, "first-run bootstrap failed");
  }
  if (!env.WORKER_ENABLED) return;
  const worker = startSyncWorker();
  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stopping the worker");
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
