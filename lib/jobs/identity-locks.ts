import { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

/**
 * Identity locks: a job that looks up and then creates Ploomes records (a person by e-mail or phone, a company by
 * name, a lead) holds a key per identity it touches, scoped to the Ploomes account the records are written to.
 * Two jobs that could find or create the same record never hold a common key at once, so the second one's look-up
 * always sees what the first one created. The keys live in the database (IdentityLock, unique per account and
 * key): they hold across worker processes and web instances, on SQLite and PostgreSQL.
 *
 * All keys of a job are taken in one transaction or none is: a job never holds some of its keys while it waits
 * for the others, so two jobs cannot deadlock each other. A job that finds a key busy does not wait in its worker
 * slot: the caller puts it back in the queue for a moment (a "deferred" outcome).
 *
 * A key held by a dead worker ages out: it expires unless its holder renews it, and a later attempt of the same
 * job (the job re-claimed after its lease expired) takes its own keys over at once.
 */

export type IdentityLease = {
  /** The keys held (empty: nothing to serialise on). */
  keys: string[];
  /**
   * Frees the keys. `lingerMs`: keep them that much longer instead — a write sent without an answer may still land
   * in Ploomes, and no other job may look the identity up before it has had the time to.
   */
  release(options?: { lingerMs?: number }): Promise<void>;
};

export type AcquireOptions = {
  accountScope: string;
  keys: string[];
  jobId: string;
  attempt: number;
  /** How long the keys hold without a renewal. */
  ttlMs: number;
  /** How often the holder renews them (default a third of ttlMs). */
  renewMs?: number;
};

const NOTHING: IdentityLease = { keys: [], release: async () => undefined };

/** Unique violation (someone holds a key), or a write conflict / deadlock between two acquirers: both mean busy. */
function isBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034");
}

/** Takes every key or none: the lease, or null when another job holds one of them (or takes it at this moment). */
export async function acquireIdentityLocks(options: AcquireOptions): Promise<IdentityLease | null> {
  const keys = [...new Set(options.keys)].sort();
  if (keys.length === 0) return NOTHING;
  const { accountScope, jobId, ttlMs } = options;
  const holder = `${jobId}:${options.attempt}`;
  try {
    await systemDb.$transaction(async (tx) => {
      const now = new Date();
      // Keys whose holder is presumed dead, or that an earlier attempt of this same job left behind.
      await tx.identityLock.deleteMany({
        where: { accountScope, key: { in: keys }, OR: [{ expiresAt: { lt: now } }, { jobId }] },
      });
      // In key order: two acquirers of overlapping sets meet on their first common key (PostgreSQL).
      await tx.identityLock.createMany({
        data: keys.map((key) => ({ accountScope, key, holder, jobId, expiresAt: new Date(now.getTime() + ttlMs) })),
      });
    });
  } catch (error) {
    if (isBusy(error)) return null;
    throw error;
  }

  const renew = setInterval(
    () => {
      systemDb.identityLock
        .updateMany({ where: { holder }, data: { expiresAt: new Date(Date.now() + ttlMs) } })
        .then((result) => {
          if (result.count < keys.length)
            logger.warn({ jobId, held: result.count, keys: keys.length }, "identity lock expired while held");
        })
        .catch((error: unknown) => logger.warn({ err: error, jobId }, "could not renew identity locks"));
    },
    options.renewMs ?? Math.max(100, Math.floor(ttlMs / 3)),
  );
  renew.unref();

  let released = false;
  return {
    keys,
    async release({ lingerMs } = {}) {
      if (released) return;
      released = true;
      clearInterval(renew);
      if (lingerMs && lingerMs > 0) {
        await systemDb.identityLock.updateMany({
          where: { holder },
          data: { expiresAt: new Date(Date.now() + lingerMs) },
        });
      } else {
        await systemDb.identityLock.deleteMany({ where: { holder } });
      }
    },
  };
}

/** Who holds any of these keys right now (for the event log's "waiting for" reason and for tests). */
export async function identityLockHolders(accountScope: string, keys: string[]): Promise<string[]> {
  const rows = await systemDb.identityLock.findMany({
    where: { accountScope, key: { in: keys }, expiresAt: { gte: new Date() } },
    select: { jobId: true },
  });
  return [...new Set(rows.map((row) => row.jobId))];
}
