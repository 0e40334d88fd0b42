import { Prisma } from "@prisma/client";
import { isPostgres, systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { budgetReadySql } from "./budget-ready";

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
export async function claimNextJob(workerId: string, now = new Date()): Promise<{ id: string; eventId: string; attempts: number } | null> {
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
