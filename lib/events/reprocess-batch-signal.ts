import { EventEmitter } from "node:events";

// Wakes an in-process batch runner as soon as an admin starts a bulk reprocess; other processes poll.
// On globalThis for the same reason as lib/jobs/job-signal.ts (the module can be loaded twice in one process).
const globalForSignal = globalThis as unknown as { __reprocessBatchSignal?: EventEmitter };
const signal = (globalForSignal.__reprocessBatchSignal ??= new EventEmitter());
signal.setMaxListeners(50);

export function notifyBatchQueued(): void {
  signal.emit("queued");
}

export function onBatchQueued(listener: () => void): () => void {
  signal.on("queued", listener);
  return () => signal.off("queued", listener);
}
