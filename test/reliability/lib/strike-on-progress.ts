import type { Random } from "./seeded-random";
import { queueState } from "./wait-for-queue";

/**
 * Calls `strike` `count` times at moments drawn from the seed: each when a random share (5–85 %) of the
 * expected jobs has settled, plus a random 0–400 ms, so every blow lands while chats are in flight however fast
 * the machine is. Resolves with the number of strikes made before `deadline`.
 */
export async function strikeOnProgress(options: {
  count: number;
  random: Random;
  integrationIds: string[];
  expectedJobs: number;
  deadline: number;
  signal: AbortSignal;
  strike: (index: number) => Promise<void>;
}): Promise<number> {
  const points = Array.from({ length: options.count }, () => 0.05 + options.random.next() * 0.8).sort((a, b) => a - b);
  let struck = 0;
  while (struck < points.length && Date.now() < options.deadline && !options.signal.aborted) {
    const state = await queueState(options.integrationIds);
    const settled = state.done + state.failed;
    if (settled >= points[struck]! * options.expectedJobs) {
      await new Promise((resolve) => setTimeout(resolve, options.random.int(0, 400)));
      await options.strike(struck);
      struck++;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return struck;
}
