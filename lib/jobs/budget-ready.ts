import { Prisma } from "@prisma/client";
import { isPostgres } from "@/lib/db/client";
import { budgetShape } from "@/lib/integrations/connection-client";
import { slotIntervalMs } from "@/lib/ploomes/pacer";

// Fair claiming across Ploomes accounts. A worker slot given to a job whose Ploomes budget is spent only waits
// for that budget: with one account's backlog, every slot of every worker would sit waiting for it while another
// account's chat, with a budget of its own, waited in the queue behind. So a job is claimed only while its
// budget has a queued-lane call free now (its RateSlot's TAT − tolerance ≤ now, see lib/ploomes/db-pacer.ts).
// The jobs already running on a busy budget keep it fully used (one job alone can spend it: its calls are
// sequential and each waits for the next free one), and the budget's burst makes up for a claim that comes a
// poll late. Jobs without a connection, or whose budget was never used, are always claimable.

/** SQL condition on the job aliased `j`: its event's Ploomes budget has a queued call free at `now`. */
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
  )`;
}
