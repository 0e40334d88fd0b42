import { Prisma } from "@prisma/client";
import { isPostgres, systemDb } from "@/lib/db/client";
import { type Pacer, sleep, slotIntervalMs } from "./pacer";

// The budget is per Ploomes account, but the web server and every worker process spend it, so the limiter lives
// in the database: one `RateSlot` row per budget key holding the GCRA "theoretical arrival time" (TAT) in
// `nextAt`. A call conforms when `TAT − tolerance ≤ its start`; each conforming call moves TAT to
// `max(TAT, start) + interval`. With `interval = 60 000 / perMinute` and `tolerance = burst × interval`, an
// idle budget lets `burst + 1` calls go at once and then paces one per interval, and — whatever the order in
// which processes claim — no 60 s window ever holds more than `perMinute + burst` calls (proof in
// docs/performance.md, test in test/integration/ploomes/db-pacer.test.ts). Each claim is one conditional upsert,
// so concurrent claimers of any process are serialised by the row.
//
// Lanes share the row with different tolerances: queued work may only use the bucket down to a reserve of
// `reserve` calls, look-ups someone waits for (the agent's CRM card) may use all of it. So with a backlog the
// interactive lane still finds `reserve` calls free at once, and queued work gets everything else.
//
// On SQLite the raw statements store epoch milliseconds. Prisma's SQLite adapter reads an integer in a
// DATETIME column as epoch ms, so the ORM still sees the right date; and should the ORM ever write the row
// (ISO text), the claim converts that value instead of comparing an integer with text.
const SQLITE_NEXT_AT_MS = Prisma.raw(
  `(CASE WHEN typeof("nextAt") IN ('integer', 'real') THEN "nextAt" ` +
    `ELSE CAST(ROUND((julianday("nextAt") - 2440587.5) * 86400000) AS INTEGER) END)`,
);

/** The ploomes-side limit the budget and its burst must fit in, and the shape of one budget. */
export type BudgetShape = {
  /** Sustained calls per minute. */
  perMinute: number;
  /** Calls beyond the sustained rate that an idle budget lets go at once (so `burst + 1` immediately). */
  burst: number;
  /** Calls of the burst that queued work leaves to the interactive lane. */
  reserve: number;
};

/** The burst actually used: never more than what keeps `perMinute + burst` within Ploomes' own limit. */
export function effectiveBurst(perMinute: number, burst: number, limitPerMinute: number): number {
  return Math.max(0, Math.min(burst, limitPerMinute - perMinute));
}

export type Claim = { granted: true; at: number } | { granted: false; retryAt: number };

/**
 * One GCRA claim of `key` at `now`: granted (start at `at`, never later than `now + maxWaitMs`) or refused with
 * the earliest time a claim of this lane could be granted at once. A refused claim changes nothing.
 */
export async function claimBudget(
  key: string,
  {
    intervalMs,
    toleranceMs,
    maxWaitMs = 0,
    now = Date.now(),
  }: { intervalMs: number; toleranceMs: number; maxWaitMs?: number; now?: number },
): Promise<Claim> {
  const limit = now + maxWaitMs + toleranceMs;
  const rows = isPostgres
    ? await systemDb.$queryRaw<{ nextAt: Date }[]>`
        INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, ${new Date(now + intervalMs)}::timestamp(3))
        ON CONFLICT ("key") DO UPDATE
          SET "nextAt" = GREATEST("RateSlot"."nextAt", ${new Date(now)}::timestamp(3)) + ${intervalMs}::integer * INTERVAL '1 millisecond'
          WHERE "RateSlot"."nextAt" <= ${new Date(limit)}::timestamp(3)
        RETURNING "nextAt"`
    : await systemDb.$queryRaw<{ nextAt: Date }[]>`
        INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, CAST(${now + intervalMs} AS INTEGER))
        ON CONFLICT ("key") DO UPDATE
          SET "nextAt" = MAX(${SQLITE_NEXT_AT_MS}, CAST(${now} AS INTEGER)) + CAST(${intervalMs} AS INTEGER)
          WHERE ${SQLITE_NEXT_AT_MS} <= CAST(${limit} AS INTEGER)
        RETURNING "nextAt"`;
  const nextAt = rows[0]?.nextAt;
  if (nextAt instanceof Date) {
    // The new TAT is max(old TAT, now) + interval, so the call's start max(now, old TAT − tolerance) is:
    return { granted: true, at: Math.max(now, nextAt.getTime() - intervalMs - toleranceMs) };
  }
  const row = await systemDb.rateSlot.findUnique({ where: { key }, select: { nextAt: true } });
  if (!row) return { granted: false, retryAt: now };
  return { granted: false, retryAt: Math.max(now, row.nextAt.getTime() - toleranceMs) };
}

/** Moves `key`'s TAT to at least `tat` (epoch ms); never earlier than it already is. */
export async function deferBudget(key: string, tat: number): Promise<void> {
  if (isPostgres) {
    await systemDb.$executeRaw`
      INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, ${new Date(tat)}::timestamp(3))
      ON CONFLICT ("key") DO UPDATE SET "nextAt" = GREATEST("RateSlot"."nextAt", EXCLUDED."nextAt")`;
    return;
  }
  await systemDb.$executeRaw`
    INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, CAST(${tat} AS INTEGER))
    ON CONFLICT ("key") DO UPDATE SET "nextAt" = MAX(${SQLITE_NEXT_AT_MS}, excluded."nextAt")`;
}

/** Longest a refused queued claimer sleeps before asking again (a 429 penalty may be minutes away). */
const MAX_POLL_MS = 5_000;

/**
 * The queued lane: a shared budget (one per Ploomes account) for every process using the same database and `key`.
 * A caller takes a call only when one is free now (it never books a slot in the future, so waiting workers do not
 * push the budget ahead of the interactive lane); otherwise it sleeps until one should be free and asks again.
 */
export function createDbPacer({
  key,
  perMinute,
  burst = 0,
  reserve = 0,
}: { key: string } & Partial<BudgetShape> & { perMinute: number }): Pacer {
  const intervalMs = slotIntervalMs(perMinute);
  const toleranceMs = Math.max(0, burst - reserve) * intervalMs;
  return {
    async acquire(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const claim = await claimBudget(key, { intervalMs, toleranceMs });
        if (claim.granted) return;
        await sleep(Math.min(MAX_POLL_MS, Math.max(1, claim.retryAt - Date.now())), signal);
      }
    },
    async penalize(delayMs) {
      // No lane of this budget gets a call before `delayMs` from now: the largest tolerance is `burst` intervals.
      await deferBudget(key, Date.now() + Math.max(0, delayMs) + burst * intervalMs);
    },
  };
}

export class BudgetUnavailableError extends Error {
  constructor(key: string) {
    super(`No Ploomes budget slot soon enough for "${key}"`);
    this.name = "BudgetUnavailableError";
  }
}

/**
 * For look-ups made while someone waits (the agent's view of a chat). They come first: they may use the whole
 * burst, including the `reserve` queued work leaves them, and may book a call up to `maxWaitMs` ahead. They are
 * capped by their own limiter (`share` of the budget sustained, `ownBurst` calls at once) so that chat after chat
 * of agents cannot starve the queue, and they give up at once rather than wait longer than `maxWaitMs`.
 */
export function createInteractivePacer(
  options: BudgetShape & { key: string; share: number; ownBurst: number; maxWaitMs: number },
): Pacer {
  const shared = slotIntervalMs(options.perMinute);
  const own = slotIntervalMs(Math.max(1, options.perMinute * options.share));
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const deadline = Date.now() + options.maxWaitMs;
      const ownClaim = await claimBudget(`${options.key}:interactive`, {
        intervalMs: own,
        toleranceMs: options.ownBurst * own,
        maxWaitMs: options.maxWaitMs,
      });
      if (!ownClaim.granted) throw new BudgetUnavailableError(options.key);
      // The shared call is booked only once the caller may go: a booked call must start at its time, never later
      // (a late start could land in a window that is already full).
      await sleep(ownClaim.at - Date.now(), signal);
      const sharedClaim = await claimBudget(options.key, {
        intervalMs: shared,
        toleranceMs: options.burst * shared,
        maxWaitMs: Math.max(0, deadline - Date.now()),
      });
      if (!sharedClaim.granted) throw new BudgetUnavailableError(options.key);
      await sleep(sharedClaim.at - Date.now(), signal);
    },
    async penalize(delayMs) {
      await deferBudget(options.key, Date.now() + Math.max(0, delayMs) + options.burst * shared);
    },
  };
}
