import type BetterSqlite3 from "better-sqlite3";

type Exclusive = <T>(fn: (db: BetterSqlite3.Database) => T) => Promise<T>;
type Pending<A extends unknown[], R> = { args: A; resolve: (value: R) => void; reject: (error: unknown) => void };

const MAX_BATCH = 256;

/**
 * Group commit on SQLite: calls that arrive while the connection is busy share one transaction, so one disk sync
 * (synchronous = FULL) covers them all instead of one each. Every call still resolves only once its write is
 * committed, and runs in its own savepoint: a write that throws is undone alone and rejects alone.
 */
export function groupCommit<A extends unknown[], R>(
  exclusive: Exclusive,
  write: (db: BetterSqlite3.Database, ...args: A) => R,
) {
  const waiting: Pending<A, R>[] = [];
  let scheduled = false;

  function flush(db: BetterSqlite3.Database) {
    // Taken once the connection is ours: whatever arrived while waiting for it joins this batch.
    const batch = waiting.splice(0, MAX_BATCH);
    if (waiting.length > 0) void exclusive(flush);
    else scheduled = false;
    const one = db.transaction((args: A) => write(db, ...args));
    let results: ({ ok: true; value: R } | { ok: false; error: unknown })[];
    try {
      results = db
        .transaction(() =>
          batch.map(({ args }) => {
            try {
              return { ok: true as const, value: one(args) };
            } catch (error) {
              return { ok: false as const, error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    results.forEach((result, index) =>
      result.ok ? batch[index]!.resolve(result.value) : batch[index]!.reject(result.error),
    );
  }

  return (...args: A): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ args, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      exclusive(flush).catch((error: unknown) => {
        scheduled = false;
        for (const pending of waiting.splice(0)) pending.reject(error);
      });
    });
}
