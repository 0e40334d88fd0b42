import { Prisma } from "@prisma/client";
import { isPostgres, systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { budgetShape } from "@/lib/ploomes/connection-client";
import { slotIntervalMs } from "@/lib/ploomes/pacer";

// Claiming the next job: under a lease, fairly across Ploomes accounts, only when the account's budget has a slot.

/** How long a claimed job belongs to its worker without a heartbeat; a dead worker's job waits this long. */
export const LEASE_MS = env.JOB_LEASE_MS;

/**
 * Atomically claims the next runnable job, or returns null. Runnable: queued and due, or running with an expired
 * lease (its worker died). A job runs only when no older job of the same chat is still pending or running, so
 * the events of one chat are processed in order while different chats run in parallel; and only while its
 * Ploomes budget has a call free (budget-ready.ts), so one account's backlog never takes every worker slot.
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets concurrent workers pass each other; SQLite: the single UPDATE is
 * atomic because SQLite serialises writers.
 */
export async function claimNextJob(
  workerId: string,
  now = new Date(),
): Promise<{ id: string; eventId: string; attempts: number } | null> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const lock = isPostgres ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await systemDb.$queryRaw<{ id: string }[]>`
    UPDATE "Job"
    SET "status" = 'running', "lockedBy" = ${workerId}, "leaseUntil" = ${leaseUntil},
        "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" = (
      SELECT j."id" FROM "Job" j
      WHERE ((j."status" = 'queued' AND j."runAt" <= ${now}) OR (j."status" = 'running' AND j."leaseUntil" < ${now}))
        AND NOT EXISTS (
          SELECT 1 FROM "Job" o
          WHERE o."chatKey" = j."chatKey" AND o."id" <> j."id" AND o."status" IN ('queued', 'running')
            AND (o."createdAt" < j."createdAt" OR (o."status" = 'running' AND o."leaseUntil" >= ${now}))
        )
        AND ${budgetReadySql(now)}
      ORDER BY j."runAt" ASC
      LIMIT 1
      ${lock}
    )
    AND ("status" = 'queued' OR "leaseUntil" < ${now})
    RETURNING "id"`;
  const id = rows[0]?.id;
  if (!id) return null;
  return systemDb.job.findUnique({ where: { id }, select: { id: true, eventId: true, attempts: true } });
}

// Fair claiming across Ploomes accounts. A worker slot given to a job whose Ploomes budget is spent only waits
// for that budget: with one account's backlog, every slot of every worker would sit waiting for it while another
// account's chat, with a budget of its own, waited in the queue behind. So a job is claimed only while its
// budget has a queued-lane call free now (its RateSlot's TAT − tolerance ≤ now, see lib/ploomes/db-pacer.ts).
// The jobs already running on a busy budget keep it fully used (one job alone can spend it: its calls are
// sequential and each waits for the next free one), and the budget's burst makes up for a claim that comes a
// poll late. Jobs without a connection, or whose budget was never used, are always claimable.
//
// A free call now is not enough: every time one is, another of the account's jobs could be claimed, and the
// backlog's jobs would again fill every slot, each waiting for its share of the one budget (measured: another
// account's chat then took 4–10 s instead of 0.2 s, bench/fair-queue.ts). So a budget also has a cap on the jobs
// running at once, across every worker process: as many as keep it spent when each step of a job (a Ploomes call
// and the bookkeeping around it) takes up to STEP_MS, and never fewer than two. At the default 100/min (one call
// per 600 ms) that is 2, and the other slots stay free for other accounts; a faster budget gets more. On
// PostgreSQL two claimers can pass each other here (SKIP LOCKED), so the cap may be exceeded by one for a moment;
// it bounds waiting, it is not a correctness rule (the budget itself is).
const STEP_MS = 1_200;

/** Jobs of one Ploomes budget that may run at once. */
export function maxRunningPerBudget(): number {
  return Math.max(2, Math.ceil(STEP_MS / slotIntervalMs(budgetShape().perMinute)));
}

/**
 * SQL condition on the job aliased `j`: its event's Ploomes budget has a queued call free at `now`, and fewer than
 * maxRunningPerBudget() of the budget's jobs are running.
 */
export function budgetReadySql(now: Date): Prisma.Sql {
  const shape = budgetShape();
  const freeUntil = now.getTime() + Math.max(0, shape.burst - shape.reserve) * slotIntervalMs(shape.perMinute);
  const nextAt = isPostgres
    ? Prisma.sql`r."nextAt" > ${new Date(freeUntil)}::timestamp(3)`
    : Prisma.sql`(CASE WHEN typeof(r."nextAt") IN ('integer', 'real') THEN r."nextAt"
        ELSE CAST(ROUND((julianday(r."nextAt") - 2440587.5) * 86400000) AS INTEGER) END) > ${freeUntil}`;
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "WebhookEvent" e
      JOIN "Integration" i ON i."id" = e."integrationId"
      JOIN "PloomesConnection" c ON c."id" = i."connectionId"
      JOIN "RateSlot" r ON r."key" = c."budgetKey"
    WHERE e."id" = j."eventId" AND ${nextAt}
  )
  AND NOT EXISTS (
    SELECT 1 FROM "WebhookEvent" e
      JOIN "Integration" i ON i."id" = e."integrationId"
      JOIN "PloomesConnection" c ON c."id" = i."connectionId"
    WHERE e."id" = j."eventId" AND (
      SELECT COUNT(*) FROM "Job" rj
        JOIN "WebhookEvent" re ON re."id" = rj."eventId"
        JOIN "Integration" ri ON ri."id" = re."integrationId"
        JOIN "PloomesConnection" rc ON rc."id" = ri."connectionId"
      WHERE rj."status" = 'running' AND rj."leaseUntil" >= ${now} AND rj."id" <> j."id" AND rc."budgetKey" = c."budgetKey"
    ) >= ${maxRunningPerBudget()}
  )`;
}
