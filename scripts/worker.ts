// npm run worker – a standalone worker for scale-out: processes the queue, no web server.
import { startSyncWorker } from "../lib/worker/start-sync-worker";

const worker = startSyncWorker();
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    await worker.stop();
    process.exit(0);
  });
}
