import type { ScopedDb } from "@/lib/db/scoped-db";
import { addDays, dayKey, dayStart } from "./event-filters";

export const DASHBOARD_DAYS = 30;

export type DayCount = { day: string; done: number; failed: number };

// Jobs are counted through their events: the event statuses that mirror a queued or running job (the worker keeps
// them in step) let the planner walk the `[accountId, status, receivedAt]` index instead of every event of the account.
const pendingJob = (jobStatus: string[]) => ({
  status: { in: ["received", "processing", "retrying"] },
  job: { status: { in: jobStatus } },
});

/**
 * The numbers above the log: chats that reached an end (done / failed) per São Paulo day over the last 30 days,
 * the success rate over those days, the queue's depth and how long its oldest job has waited, and the
 * integrations that need attention. One small grouped count per day keeps every query on the
 * `[accountId, status, receivedAt]` index, whatever the volume.
 */
export async function getEventDashboard(db: ScopedDb, now = new Date()) {
  const today = dayKey(now);
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, index) => addDays(today, index - DASHBOARD_DAYS + 1));

  const [perDay, queueDepth, oldestWaiting, flagged] = await Promise.all([
    Promise.all(days.map((day) => countDay(db, day))),
    db.webhookEvent.count({ where: pendingJob(["queued", "running"]) }),
    db.webhookEvent.findFirst({
      where: pendingJob(["queued"]),
      orderBy: { job: { createdAt: "asc" } },
      select: { job: { select: { createdAt: true } } },
    }),
    db.integration.findMany({
      where: { flaggedReason: { not: null } },
      orderBy: { flaggedAt: "desc" },
      select: { id: true, name: true, flaggedReason: true },
    }),
  ]);

  const done = perDay.reduce((sum, day) => sum + day.done, 0);
  const failed = perDay.reduce((sum, day) => sum + day.failed, 0);
  return {
    perDay,
    processed: done + failed,
    successRate: done + failed > 0 ? done / (done + failed) : null,
    queueDepth,
    oldestWaitingSince: oldestWaiting?.job?.createdAt ?? null,
    flagged,
  };
}

async function countDay(db: ScopedDb, day: string): Promise<DayCount> {
  const groups = await db.webhookEvent.groupBy({
    by: ["status"],
    where: { status: { in: ["done", "failed"] }, receivedAt: { gte: dayStart(day), lt: dayStart(addDays(day, 1)) } },
    _count: { _all: true },
  });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { day, done: count("done"), failed: count("failed") };
}

export type EventDashboard = Awaited<ReturnType<typeof getEventDashboard>>;
