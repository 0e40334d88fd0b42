// Transient failures retry with exponential backoff and full jitter, for about three days after the event arrived;
// then the job is exhausted and stays visible for a manual re-queue.
export const RETRY_WINDOW_MS = 72 * 60 * 60_000;
export const DEFAULT_RETRY_BASE_MS = 15_000;
const CAP_MS = 6 * 60 * 60_000;

/** Delay before attempt `attempt + 1`, given that `attempt` attempts have failed (1-based). */
export function backoffMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = DEFAULT_RETRY_BASE_MS,
  capMs = CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half jitter: never retries immediately, yet spreads a burst of failures.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function nextRunAt(options: {
  attempt: number;
  createdAt: Date;
  now?: Date;
  retryAfterMs?: number;
  random?: () => number;
  baseMs?: number;
  /** Longest backoff (default 6 h); a Retry-After longer than it is still honoured. */
  capMs?: number;
}): Date | null {
  const now = options.now ?? new Date();
  const delay = Math.max(
    backoffMs(options.attempt, options.random, options.baseMs, options.capMs),
    options.retryAfterMs ?? 0,
  );
  const at = new Date(now.getTime() + delay);
  if (at.getTime() - options.createdAt.getTime() > RETRY_WINDOW_MS) return null;
  return at;
}
