import { Prisma } from "@prisma/client";
import { isPostgres, systemDb } from "@/lib/db/client";

// Ploomes allows `rateLimit` requests per minute; the sandbox counts them in fixed one-minute windows per tenant.
// The window lives in the tenant's row and one conditional UPDATE both checks and counts, so any number of app
// processes share it and two requests can never take the last slot together: the UPDATE matches (and counts)
// only while the window has room or has expired.
//
// On SQLite Prisma writes DateTime as ISO text, while these statements write epoch milliseconds (as
// lib/ploomes/db-pacer.ts does); the expression below reads either as epoch milliseconds.
const SQLITE_WINDOW_START_MS = Prisma.raw(
  `(CASE WHEN typeof("windowStart") IN ('integer', 'real') THEN "windowStart" ` +
    `ELSE CAST(ROUND((julianday("windowStart") - 2440587.5) * 86400000) AS INTEGER) END)`,
);

export const RATE_LIMIT_WINDOW_MS = 60_000;

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function countRequest(tenantId: string, now: number): Promise<boolean> {
  const expiredBefore = now - RATE_LIMIT_WINDOW_MS;
  const rows = isPostgres
    ? await systemDb.$queryRaw<{ windowCount: number }[]>`
        UPDATE "SandboxTenant" SET
          "windowCount" = CASE WHEN "windowStart" <= ${new Date(expiredBefore)}::timestamp(3) THEN 1 ELSE "windowCount" + 1 END,
          "windowStart" = CASE WHEN "windowStart" <= ${new Date(expiredBefore)}::timestamp(3)
                          THEN ${new Date(now)}::timestamp(3) ELSE "windowStart" END
        WHERE "id" = ${tenantId}
          AND ("windowStart" <= ${new Date(expiredBefore)}::timestamp(3) OR "windowCount" < "rateLimit")
        RETURNING "windowCount"`
    : await systemDb.$queryRaw<{ windowCount: number }[]>`
        UPDATE "SandboxTenant" SET
          "windowCount" = CASE WHEN ${SQLITE_WINDOW_START_MS} <= ${expiredBefore} THEN 1 ELSE "windowCount" + 1 END,
          "windowStart" = CASE WHEN ${SQLITE_WINDOW_START_MS} <= ${expiredBefore}
                          THEN CAST(${now} AS INTEGER) ELSE "windowStart" END
        WHERE "id" = ${tenantId}
          AND (${SQLITE_WINDOW_START_MS} <= ${expiredBefore} OR "windowCount" < "rateLimit")
        RETURNING "windowCount"`;
  return rows.length > 0;
}

/** Counts one request of the tenant; when its window is full, says how long until the window resets. */
export async function consumeRateLimit(tenantId: string, now = Date.now()): Promise<RateLimitDecision> {
  if (await countRequest(tenantId, now)) return { allowed: true };
  const tenant = await systemDb.sandboxTenant.findUnique({ where: { id: tenantId }, select: { windowStart: true } });
  const resetsAt = (tenant?.windowStart.getTime() ?? now) + RATE_LIMIT_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now) / 1000)) };
}
