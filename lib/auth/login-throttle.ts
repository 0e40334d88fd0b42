import { env } from "@/lib/env";
import { systemDb } from "@/lib/db/client";

// Failed sign-ins are counted per e-mail and per client IP in the database, so every web instance sees them.
// After LOGIN_MAX_FAILURES within the window the key is locked for LOGIN_LOCK_MINUTES.
const WINDOW_MS = 15 * 60_000;

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export async function lockedUntil(keys: string[], now = new Date()): Promise<Date | null> {
  const rows = await systemDb.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = rows.map((row) => row.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await systemDb.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    // The IP key tolerates more failures: an office behind one NAT shares it.
    const limit = key.startsWith("ip:") ? env.LOGIN_MAX_FAILURES * 4 : env.LOGIN_MAX_FAILURES;
    const lock = failures >= limit ? new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000) : null;
    const data = { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock };
    await systemDb.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

export async function clearFailures(email: string): Promise<void> {
  await systemDb.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
