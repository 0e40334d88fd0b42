import { chatKeyOf } from "@/lib/jobs/chat-key";
import { systemDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { notifyJobQueued } from "@/lib/jobs/job-signal";

/**
 * Puts an event of the account back in the queue, now. The outcome and plan stay: the worker resumes from them,
 * so records already created in Ploomes are reused, not created again. Events that never had a job (paused,
 * ignored) get one. The caller checks that the user is an admin.
 */
export async function reprocessEvent(
  db: ScopedDb,
  eventId: string,
  now = new Date(),
  options: { onlyIfStatus?: string } = {},
): Promise<void> {
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId },
    select: { id: true, integrationId: true, widgetId: true, chatId: true, dedupeKey: true, purgedAt: true, job: { select: { id: true } } },
  });
  if (!event) throw new AppError("NOT_FOUND", "Event not found.");
  if (event.purgedAt) throw new AppError("CONFLICT", "The event's payload was deleted after the retention period.");

  await systemDb.$transaction(async (tx) => {
    if (event.job) {
      // A running job belongs to a worker holding its lease; taking it back would run the chat twice at once.
      // Attempts keep counting: the planner re-checks lookups of earlier attempts by comparing attempt numbers.
      // createdAt restarts so a manual re-queue gets a full retry window (lib/jobs/retry-policy.ts).
      const requeued = await tx.job.updateMany({
        where: { id: event.job.id, status: { not: "running" } },
        data: { status: "queued", runAt: now, createdAt: now, leaseUntil: null, lockedBy: null, lastError: null },
      });
      if (requeued.count === 0) throw new AppError("CONFLICT", "The event is being processed right now.");
    } else {
      await tx.job.create({ data: { eventId: event.id, chatKey: chatKeyOf(event), runAt: now, createdAt: now } });
    }
    // onlyIfStatus (bulk reprocess): an event another request already put back is left alone, so asking twice
    // queues it once; the row's lock makes the second of two concurrent requests see the first one's write.
    const reset = await tx.webhookEvent.updateMany({
      where: { id: event.id, ...(options.onlyIfStatus ? { status: options.onlyIfStatus } : {}) },
      data: { status: "received", statusReason: null, processedAt: null },
    });
    if (reset.count === 0) throw new AppError("CONFLICT", "The event is no longer in that state.");
  });
  notifyJobQueued();
}
