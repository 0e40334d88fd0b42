/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

/** The most timestamps (ms) that fall in any half-open window [t, t + windowMs). */
export function maxInWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Timestamps per minute in (from, to] (ms). */
export function ratePerMinute(timestamps: number[], from: number, to: number): number {
  if (!(to > from)) return Number.NaN;
  return (timestamps.filter((t) => t > from && t <= to).length * 60_000) / (to - from);
}

/** The shortest gap between consecutive timestamps (ms). */
export function minGap(timestamps: number[]): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = Number.POSITIVE_INFINITY;
  for (let index = 1; index < sorted.length; index++) best = Math.min(best, sorted[index]! - sorted[index - 1]!);
  return best;
}

export const round = (value: number, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
