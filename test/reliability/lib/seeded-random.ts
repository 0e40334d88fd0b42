// A small seeded generator (mulberry32): a reliability run prints its seed, and the same seed replays the same
// burst — the same events, duplicates, fault moments and crash points — when a ledger does not balance.

export type Random = {
  seed: number;
  /** A number in [0, 1). */
  next(): number;
  chance(probability: number): boolean;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

/**
 * RELIABILITY_SEED replays a run; otherwise the scenario's own seed (the suites inside `npm test`, which must give
 * the same result every time), or else a fresh one (the long suites; printed in the run's figures).
 */
export function runSeed(fallback?: number): number {
  const fixed = Number(process.env.RELIABILITY_SEED);
  if (Number.isSafeInteger(fixed) && fixed > 0) return fixed;
  return fallback ?? Math.floor(Math.random() * 2 ** 31) + 1;
}
