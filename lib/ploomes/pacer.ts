// Ploomes allows 120 requests per minute per account, shared by every integration of that account. A pacer
// spaces calls evenly (one every 60 000 / perMinute ms) instead of bursting and then hitting 429s.

export interface Pacer {
  /** Resolves when the caller may send one request; rejects with `signal.reason` if aborted first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** After a 429: no caller of this budget gets a slot before `delayMs` from now. */
  penalize(delayMs: number): Promise<void>;
}

/** Rounded up, so that rounding can never let more than `perMinute` calls into any 60 s window. */
export function slotIntervalMs(perMinute: number): number {
  if (!Number.isFinite(perMinute) || perMinute <= 0) throw new Error("perMinute must be a positive number");
  return Math.ceil(60_000 / perMinute);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * In-process pacer, for tests and single-process tools. Same spacing rule as the database pacer: each caller
 * claims `max(now, nextAt)` and moves `nextAt` one interval on, then sleeps until its slot.
 */
export function createMemoryPacer({ perMinute }: { perMinute: number }): Pacer {
  const interval = slotIntervalMs(perMinute);
  let nextAt = 0;
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const now = Date.now();
      const slot = Math.max(now, nextAt);
      nextAt = slot + interval;
      await sleep(slot - now, signal);
    },
    async penalize(delayMs) {
      nextAt = Math.max(nextAt, Date.now() + Math.max(0, delayMs));
    },
  };
}
