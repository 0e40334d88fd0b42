import { EventEmitter } from "node:events";

// What code that queues a job needs: the chat key that keeps one chat's jobs in order, and the wake-up signal.

/**
 * The key that serialises jobs: events of one chat (same integration, channel and chat) run one at a time and in
 * order. Events without a chat id only serialise with their own re-deliveries.
 */
export function chatKeyOf(event: {
  integrationId: string;
  widgetId: string | null;
  chatId: string | null;
  dedupeKey: string;
}): string {
  return `${event.integrationId}:${event.widgetId ?? "-"}:${event.chatId ?? event.dedupeKey}`;
}

// Wakes an in-process worker as soon as the receiver queues a job, instead of waiting for the next poll.
// Other processes rely on polling.
// On globalThis: the production server loads the receiver outside Next's bundle (scripts/serve.ts), so this
// module can exist twice in one process; both copies must share one emitter.
const globalForSignal = globalThis as unknown as { __jobSignal?: EventEmitter };
const signal = (globalForSignal.__jobSignal ??= new EventEmitter());
signal.setMaxListeners(50);

export function notifyJobQueued(): void {
  signal.emit("queued");
}

export function onJobQueued(listener: () => void): () => void {
  signal.on("queued", listener);
  return () => signal.off("queued", listener);
}
