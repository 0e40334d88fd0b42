import { Prisma } from "@prisma/client";
import { isPostgres, systemDb } from "@/lib/db/client";
import { type Pacer, sleep, slotIntervalMs } from "./pacer";

// The budget is per Ploomes account, but the web server and every worker process spend it, so the spacing
// lives in the database: one `RateSlot` row per budget key, whose `nextAt` is the earliest free slot.
// Each claim is a single upsert, so concurrent claimers (any process) are serialised by the row and never
// share a slot: never more than perMinute calls in a 60 s window, and a backlog uses the whole budget.
//
// On SQLite the raw statements store epoch milliseconds. Prisma's SQLite adapter reads an integer in a
// DATETIME column as epoch ms, so the ORM still sees the right date; and should the ORM ever write the row
// (ISO text), the claim converts that value instead of comparing an integer with text.
const SQLITE_NEXT_AT_MS = Prisma.raw(
  `CASE WHEN typeof("nextAt") IN ('integer', 'real') THEN "nextAt" ` +
    `ELSE CAST(ROUND((julianday("nextAt") - 2440587.5) * 86400000) AS INTEGER) END`,
);

/** Claims the next free slot of `key` and returns its start (epoch ms); the slot after it is `interval` later. */
export async function claimRateSlot(key: string, intervalMs: number, now = Date.now()): Promise<number> {
  const earliestNext = now + intervalMs;
  const rows = isPostgres
    ? await systemDb.$queryRaw<{ nextAt: Date }[]>`
        INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, ${new Date(earliestNext)}::timestamp(3))
        ON CONFLICT ("key") DO UPDATE
          SET "nextAt" = GREATEST(
            "RateSlot"."nextAt" + ${intervalMs}::integer * INTERVAL '1 millisecond',
            EXCLUDED."nextAt"
          )
        RETURNING "nextAt"`
    : await systemDb.$queryRaw<{ nextAt: Date }[]>`
        INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, CAST(${earliestNext} AS INTEGER))
        ON CONFLICT ("key") DO UPDATE
          SET "nextAt" = MAX(${SQLITE_NEXT_AT_MS} + CAST(${intervalMs} AS INTEGER), excluded."nextAt")
        RETURNING "nextAt"`;
  const nextAt = rows[0]?.nextAt;
  if (!(nextAt instanceof Date)) throw new Error(`Rate slot claim for "${key}" returned no row`);
  return nextAt.getTime() - intervalMs;
}

/** Moves the next free slot of `key` to at least `notBefore` (epoch ms); never earlier than it already is. */
export async function deferRateSlot(key: string, notBefore: number): Promise<void> {
  if (isPostgres) {
    await systemDb.$executeRaw`
      INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, ${new Date(notBefore)}::timestamp(3))
      ON CONFLICT ("key") DO UPDATE SET "nextAt" = GREATEST("RateSlot"."nextAt", EXCLUDED."nextAt")`;
    return;
  }
  await systemDb.$executeRaw`
    INSERT INTO "RateSlot" ("key", "nextAt") VALUES (${key}, CAST(${notBefore} AS INTEGER))
    ON CONFLICT ("key") DO UPDATE SET "nextAt" = MAX(${SQLITE_NEXT_AT_MS}, excluded."nextAt")`;
}

/** A pacer shared by every process that uses the same database and `key` (e.g. one per Ploomes account). */
export function createDbPacer({ key, perMinute }: { key: string; perMinute: number }): Pacer {
  const interval = slotIntervalMs(perMinute);
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const slot = await claimRateSlot(key, interval);
      // An abort while waiting forfeits the claimed slot: giving it back could not be done atomically.
      await sleep(slot - Date.now(), signal);
    },
    async penalize(delayMs) {
      await deferRateSlot(key, Date.now() + Math.max(0, delayMs));
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
 * For look-ups made while someone waits (the agent's view of a chat): they spend the shared budget like any
 * call, but at most `share` of it (their own limiter), and only when a slot is free within `maxWaitMs` —
 * otherwise they give up at once. So queued chats always keep at least (1 − share) of the budget, and all of it
 * when nobody is chatting.
 */
export function createInteractivePacer(options: { key: string; perMinute: number; share: number; maxWaitMs: number }): Pacer {
  const shared = slotIntervalMs(options.perMinute);
  const own = slotIntervalMs(Math.max(1, options.perMinute * options.share));
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const deadline = Date.now() + options.maxWaitMs;
      const ownSlot = await claimRateSlot(`${options.key}:interactive`, own);
      if (ownSlot > deadline) throw new BudgetUnavailableError(options.key);
      const sharedSlot = await claimRateSlot(options.key, shared);
      if (sharedSlot > deadline) throw new BudgetUnavailableError(options.key);
      await sleep(Math.max(ownSlot, sharedSlot) - Date.now(), signal);
    },
    async penalize(delayMs) {
      await deferRateSlot(options.key, Date.now() + Math.max(0, delayMs));
    },
  };
}
