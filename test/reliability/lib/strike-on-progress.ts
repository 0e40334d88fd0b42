import type { Random } from "./seeded-random";

/**
 * Calls `strike` `count` times at moments drawn from the seed: each when `progress()` (0 to 1: deliveries
 * answered and jobs settled, out of all there will be) passes a random point between 5 % and 85 %, plus a random
 * 0–400 ms — so every blow lands while work is in flight, during the deliveries as well as after them, however
 * fast the machine is. Resolves with the number of strikes made before `deadline` or the abort.
 */
export async function strikeOnProgress(options: {
  count: number;
  random: Random;
  progress: () => Promise<number>;
  deadline: number;
  signal: AbortSignal;
  strike: (index: number) => Promise<void>;
}): Promise<number> {
  const points = Array.from({ length: options.count }, () => 0.05 + options.random.next() * 0.8).sort((a, b) => a - b);
  let struck = 0;
  while (struck < points.length && Date.now() < options.deadline && !options.signal.aborted) {
    if ((await options.progress()) >= points[struck]!) {
      await new Promise((resolve) => setTimeout(resolve, options.random.int(0, 400)));
      await options.strike(struck);
      struck++;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return struck;
}
