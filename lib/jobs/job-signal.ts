import { EventEmitter } from "node:events";

// Wakes an in-process worker as soon as the receiver queues a job, instead of waiting for the next poll.
// Other processes rely on polling.
const signal = new EventEmitter();
signal.setMaxListeners(50);

export function notifyJobQueued(): void {
  signal.emit("queued");
}

export function onJobQueued(listener: () => void): () => void {
  signal.on("queued", listener);
  return () => signal.off("queued", listener);
}
