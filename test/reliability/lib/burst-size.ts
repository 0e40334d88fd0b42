/** Unique events per burst in the full suite; RELIABILITY_EVENTS shrinks it for a quicker look. */
export function burstSize(fallback = 5_000): number {
  const size = Number(process.env.RELIABILITY_EVENTS);
  return Number.isSafeInteger(size) && size > 0 ? size : fallback;
}
