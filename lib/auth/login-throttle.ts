import { Prisma } from "@prisma/client";
import { env } from "@/lib/env";
import { systemDb } from "@/lib/db/client";

// Sign-in attempts are counted in the database, so every web instance sees them, and an attempt is *reserved*
// (counted) atomically before the password is checked: a burst of parallel guesses cannot all pass a lock that
// only the slow hash check would have written. Two keys:
//  - the account from one client address (`acct:<e-mail>|<ip>`): LOGIN_MAX_FAILURES tries, so that an attacker
//    elsewhere cannot lock the real user out;
//  - the client address alone (`ip:<ip>`): four times as many (an office behind one NAT shares it), so that one
//    client cannot walk through many accounts either.
// Within a window of WINDOW_MS a key takes `limit` reservations; a failed check that reaches the limit locks the
// key for LOGIN_LOCK_MINUTES. A successful sign-in clears its account key and gives its IP reservation back.
const WINDOW_MS = 15 * 60_000;

export type ThrottleKey = { key: string; limit: number };

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const address = ip ?? "unknown";
  return [
    { key: `ip:${address}`, limit: env.LOGIN_MAX_FAILURES * 4 },
    { key: `acct:${email.trim().toLowerCase()}|${address}`, limit: env.LOGIN_MAX_FAILURES },
  ];
}

async function ensureRow(key: string, now: Date): Promise<void> {
  if (await systemDb.loginThrottle.findUnique({ where: { key }, select: { key: true } })) return;
  try {
    await systemDb.loginThrottle.create({ data: { key, failures: 0, windowStart: now } });
  } catch (error) {
    // Another attempt created it in the meantime.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
}

/**
 * Counts one attempt against `key` unless it is spent. Each step is one conditional UPDATE, atomic on both
 * databases: an expired window (or lock) is restarted once, then the count only grows while it is below the limit.
 */
async function reserveKey({ key, limit }: ThrottleKey, now: Date): Promise<boolean> {
  await ensureRow(key, now);
  await systemDb.loginThrottle.updateMany({
    where: {
      key,
      OR: [
        { lockedUntil: null, windowStart: { lt: new Date(now.getTime() - WINDOW_MS) } },
        { lockedUntil: { lte: now } },
      ],
    },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const reserved = await systemDb.loginThrottle.updateMany({
    where: { key, failures: { lt: limit }, lockedUntil: null },
    data: { failures: { increment: 1 } },
  });
  return reserved.count === 1;
}

async function giveBack(key: string): Promise<void> {
  await systemDb.loginThrottle.updateMany({
    where: { key, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

/**
 * Reserves one sign-in attempt on every key, before the password is checked. False when any key is spent: the
 * attempt must be refused unchecked (and the reservations it did make are given back).
 */
export async function reserveAttempt(keys: ThrottleKey[], now = new Date()): Promise<boolean> {
  const taken: string[] = [];
  for (const key of keys) {
    if (!(await reserveKey(key, now))) {
      for (const done of taken) await giveBack(done);
      return false;
    }
    taken.push(key.key);
  }
  return true;
}

/** The reserved attempt was wrong: a key whose count reached its limit is locked. */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const until = new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000);
  for (const { key, limit } of keys) {
    await systemDb.loginThrottle.updateMany({
      where: { key, failures: { gte: limit }, lockedUntil: null },
      data: { lockedUntil: until },
    });
  }
}

/** The reserved attempt was right: the account key starts over, the IP key gets its reservation back. */
export async function recordSuccess(keys: ThrottleKey[]): Promise<void> {
  for (const { key } of keys) {
    if (key.startsWith("ip:")) await giveBack(key);
    else await systemDb.loginThrottle.deleteMany({ where: { key } });
  }
}
