import type { Prisma } from "@prisma/client";
import { EventEmitter } from "node:events";
import { z } from "zod";
import { systemDb } from "@/lib/db/client";
import { type ScopedDb, scopedDb } from "@/lib/db/scoped-db";
import { AppError, toAppError } from "@/lib/errors/app-error";
import { chatKeyOf, notifyJobQueued } from "@/lib/jobs/enqueue";
import { eventFiltersSchema } from "./event-filters";
import { eventsWhere } from "./event-log";

// Reprocessing: one event again, and a batch of them worked in chunks by the worker.

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
    select: {
      id: true,
      integrationId: true,
      widgetId: true,
      chatId: true,
      dedupeKey: true,
      purgedAt: true,
      job: { select: { id: true } },
    },
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

// Wakes an in-process batch runner as soon as an admin starts a bulk reprocess; other processes poll.
// On globalThis for the same reason as lib/jobs/enqueue.ts (the module can be loaded twice in one process).
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

/** The most events one "reprocess selected" request may name (the log shows 50 a page). */
export const MAX_SELECTED_IDS = 500;
/** Events one chunk puts back in the queue before the batch's cursor and counters are saved. */
export const CHUNK_SIZE = 100;
/** How long a worker owns a batch between chunks: a crashed one's batch is taken over after it. */
export const BATCH_LEASE_MS = 30_000;

const id = z.string().min(1).max(64);

/** What an admin asked for: events picked by hand, or every failed one a filter of the log matches. */
export const batchSelectionSchema = z.union([
  z.object({ ids: z.array(id).min(1).max(MAX_SELECTED_IDS) }).strict(),
  z
    .object({
      filters: z
        .object({
          q: z.string().max(100).optional(),
          integration: z.string().max(64).optional(),
          from: z.string().max(10).optional(),
          to: z.string().max(10).optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type BatchSelection = z.infer<typeof batchSelectionSchema>;

/** The failed events of a selection, received up to the request (later failures are not part of it). */
export function batchWhere(selection: BatchSelection, cutoff: Date): Prisma.WebhookEventWhereInput {
  const base: Prisma.WebhookEventWhereInput = { status: "failed", receivedAt: { lte: cutoff } };
  if ("ids" in selection) return { ...base, id: { in: [...new Set(selection.ids)] } };
  // The same parsing as the log's URL, so the batch matches exactly what the admin saw filtered.
  const filters = eventFiltersSchema.parse({ ...selection.filters, status: "failed" });
  return { AND: [eventsWhere(filters), base] };
}

/** Starts a bulk reprocess for the account; the worker does the work in chunks. Returns the batch. */
export async function startReprocessBatch(db: ScopedDb, requestedBy: string, input: unknown, now = new Date()) {
  const parsed = batchSelectionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid selection of events.");
  const selection = parsed.data;
  const total = await db.webhookEvent.count({ where: batchWhere(selection, now) });
  if (total === 0) throw new AppError("CONFLICT", "No failed event matches the selection.");
  const batch = await db.reprocessBatch.create({
    data: {
      requestedBy,
      selection: JSON.stringify(selection),
      cutoff: now,
      total,
    } as Prisma.ReprocessBatchUncheckedCreateInput,
  });
  notifyBatchQueued();
  return batch;
}

/**
 * Works one chunk of a batch: claims it (a lease, so with several workers one works it at a time), puts the next
 * CHUNK_SIZE failed events after the cursor back in the queue — each exactly like the single reprocess, and only
 * if still failed, so an event is never queued twice — then saves the cursor and counters. Returns whether the
 * batch has more to do, or null when it could not be claimed.
 */
export async function runReprocessChunk(
  batchId: string,
  workerId: string,
  options: { chunkSize?: number; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const claimed = await systemDb.reprocessBatch.updateMany({
    where: {
      id: batchId,
      status: "running",
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { lockedBy: workerId }],
    },
    data: { leaseUntil: new Date(now.getTime() + BATCH_LEASE_MS), lockedBy: workerId },
  });
  if (claimed.count !== 1) return null;
  const batch = await systemDb.reprocessBatch.findUniqueOrThrow({ where: { id: batchId } });
  const db = scopedDb(batch.accountId);
  const selection = batchSelectionSchema.parse(JSON.parse(batch.selection));
  const take = options.chunkSize ?? CHUNK_SIZE;
  const where = batchWhere(selection, batch.cutoff);
  const rows = await db.webhookEvent.findMany({
    where: batch.cursor ? { AND: [where, { id: { gt: batch.cursor } }] } : where,
    orderBy: { id: "asc" },
    take,
    select: { id: true },
  });
  let requeued = 0;
  let skipped = 0;
  for (const row of rows) {
    try {
      await reprocessEvent(db, row.id, new Date(), { onlyIfStatus: "failed" });
      requeued++;
    } catch (error) {
      // Being processed right now, purged, or already put back by someone else: nothing to do for it.
      const appError = toAppError(error);
      if (!appError || (appError.code !== "CONFLICT" && appError.code !== "NOT_FOUND")) throw error;
      skipped++;
    }
  }
  const finished = rows.length < take;
  const saved = await systemDb.reprocessBatch.updateMany({
    where: { id: batchId, lockedBy: workerId },
    data: {
      cursor: rows.at(-1)?.id ?? batch.cursor,
      processed: { increment: rows.length },
      requeued: { increment: requeued },
      skipped: { increment: skipped },
      // Events that failed during the batch (received before it) are part of it too: the total grows with them.
      total: Math.max(batch.total, batch.processed + rows.length),
      ...(finished ? { status: "done", finishedAt: new Date(), leaseUntil: null, lockedBy: null } : {}),
    },
  });
  if (saved.count !== 1) return null;
  return !finished;
}

/** Works every batch that is due (running, not held by a live worker) until none is left. */
export async function runDueReprocessBatches(
  workerId: string,
  options: { chunkSize?: number; shouldStop?: () => boolean } = {},
) {
  for (;;) {
    const now = new Date();
    const due = await systemDb.reprocessBatch.findFirst({
      where: { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (!due) return;
    let more: boolean | null = true;
    while (more && !options.shouldStop?.())
      more = await runReprocessChunk(due.id, workerId, { chunkSize: options.chunkSize });
    if (options.shouldStop?.()) return;
  }
}

/** The account's batches to show in the log: running ones, and those finished in the last hour. */
export async function listRecentBatches(db: ScopedDb, now = new Date()) {
  return db.reprocessBatch.findMany({
    where: { OR: [{ status: "running" }, { finishedAt: { gte: new Date(now.getTime() - 60 * 60_000) } }] },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: {
      id: true,
      status: true,
      total: true,
      processed: true,
      requeued: true,
      skipped: true,
      createdAt: true,
      finishedAt: true,
    },
  });
}

export type BatchView = Awaited<ReturnType<typeof listRecentBatches>>[number];
