import { Prisma } from "@prisma/client";
import { z } from "zod";
import { isPostgres, systemDb } from "@/lib/db/client";
import type { AuthenticatedTenant } from "./tenant";

// How the sandbox fails the way Ploomes does: injected faults, then (below) the per-minute rate limit.
//
// Fault injection: a tenant can ask for a share of its requests to fail the way Ploomes fails under load, to
// exercise retries — by rates (draws independent per request), or by a schedule that answers its next requests
// in arrival order, so that a test meets the same faults on every run.

export type FaultSettings = { errorRate: number; rateLimitRate: number };
export type Fault = "server_error" | "rate_limited";

/** The fault to answer this request with, if any; `random` returns a number in [0, 1). */
export function pickFault(settings: FaultSettings, random: () => number = Math.random): Fault | null {
  if (settings.rateLimitRate > 0 && random() < settings.rateLimitRate) return "rate_limited";
  if (settings.errorRate > 0 && random() < settings.errorRate) return "server_error";
  return null;
}

export type ScheduledAnswer = "500" | "429" | "ok";

const FAULT_OF: Record<ScheduledAnswer, Fault | null> = { "500": "server_error", "429": "rate_limited", ok: null };

/**
 * A schedule of `length` answers drawn with the rates from `random` (a seeded generator: the same seed, the same
 * schedule), for `setSandboxFaults({ schedule })`.
 */
export function faultSchedule(settings: FaultSettings, length: number, random: () => number): ScheduledAnswer[] {
  return Array.from({ length }, () => {
    const fault = pickFault(settings, random);
    return fault === "server_error" ? "500" : fault === "rate_limited" ? "429" : "ok";
  });
}

export const sandboxFaultsSchema = z.strictObject({
  /** Share of requests answered 500, 0..1. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Share of requests answered 429 regardless of the window, 0..1. */
  rateLimitRate: z.number().min(0).max(1).optional(),
  /** Delay added to every request. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Requests per one-minute window (Ploomes: 120). */
  rateLimit: z.number().int().min(1).max(100_000).optional(),
  /**
   * The answers to the next requests, one per request in arrival order, before the rates apply again (null or []
   * clears it). A test that builds it from a seed gets the same faults on every run.
   */
  schedule: z
    .array(z.enum(["500", "429", "ok"]))
    .max(10_000)
    .nullable()
    .optional(),
});

export type SandboxFaults = z.input<typeof sandboxFaultsSchema>;
export type SandboxFaultSettings = Required<z.output<typeof sandboxFaultsSchema>>;

/**
 * Changes the given settings and keeps the others. A new `rateLimit` starts a fresh window, so a test that
 * lowers it counts from zero rather than from whatever the minute had already used.
 */
export async function setSandboxFaults(tenantId: string, faults: SandboxFaults): Promise<SandboxFaultSettings> {
  const { schedule, ...settings } = sandboxFaultsSchema.parse(faults);
  const window = settings.rateLimit === undefined ? {} : { windowCount: 0, windowStart: new Date() };
  // A new schedule starts at its first entry.
  const planned =
    schedule === undefined
      ? {}
      : { faultSchedule: schedule?.length ? JSON.stringify(schedule) : null, faultPosition: 0 };
  const { faultSchedule, faultPosition, ...saved } = await systemDb.sandboxTenant.update({
    where: { id: tenantId },
    data: { ...settings, ...window, ...planned },
    select: {
      errorRate: true,
      rateLimitRate: true,
      latencyMs: true,
      rateLimit: true,
      faultSchedule: true,
      faultPosition: true,
    },
  });
  // What is left of the schedule.
  const left = faultSchedule ? (JSON.parse(faultSchedule) as ScheduledAnswer[]).slice(faultPosition) : [];
  return { ...saved, schedule: left.length ? left : null };
}

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

/**
 * The fault for this request: the schedule's next entry while it lasts (one UPDATE takes the position, so
 * concurrent requests — any process — each get their own entry), then the rates.
 */
export async function nextFault(tenant: AuthenticatedTenant): Promise<Fault | null> {
  if (tenant.faultSchedule) {
    const [row] = await systemDb.$queryRaw<{ faultPosition: number; faultSchedule: string | null }[]>`
      UPDATE "SandboxTenant" SET "faultPosition" = "faultPosition" + 1
      WHERE "id" = ${tenant.id}
      RETURNING "faultPosition", "faultSchedule"`;
    const schedule = row?.faultSchedule ? (JSON.parse(row.faultSchedule) as ScheduledAnswer[]) : [];
    const answer = row ? schedule[row.faultPosition - 1] : undefined;
    if (answer) return FAULT_OF[answer];
  }
  return pickFault(tenant);
}
