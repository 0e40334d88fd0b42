// The statuses a WebhookEvent row can hold (prisma/schema.prisma); the receiver and the worker write them.
export const EVENT_STATUSES = ["received", "processing", "done", "retrying", "failed", "ignored", "paused"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger" | "muted";

export type StatusView = {
  /** Message key under `events.status`; "unknown" for a value written by a newer version. */
  key: EventStatus | "unknown";
  tone: StatusTone;
  /** When a retrying event will be attempted again (the job's runAt), if the job is still queued. */
  retryAt: Date | null;
  /** Extra deliveries of the same chat that JivoChat re-sent and we collapsed into this row. */
  repeatedDeliveries: number;
};

const TONES: Record<EventStatus, StatusTone> = {
  received: "neutral",
  processing: "info",
  done: "success",
  retrying: "warning",
  failed: "danger",
  ignored: "muted",
  paused: "muted",
};

export function isEventStatus(value: string): value is EventStatus {
  return (EVENT_STATUSES as readonly string[]).includes(value);
}

/** What the log shows for an event, from its own status and its job's schedule. */
export function eventStatusView(event: {
  status: string;
  deliveries: number;
  job: { status: string; runAt: Date } | null;
}): StatusView {
  const key = isEventStatus(event.status) ? event.status : "unknown";
  const retryAt = key === "retrying" && event.job?.status === "queued" ? event.job.runAt : null;
  return {
    key,
    tone: key === "unknown" ? "muted" : TONES[key],
    retryAt,
    repeatedDeliveries: Math.max(0, event.deliveries - 1),
  };
}

/** Rows in these states change on their own soon: the log keeps refreshing while one is on screen. */
export function isSettling(status: string): boolean {
  return status === "received" || status === "processing" || status === "retrying";
}
