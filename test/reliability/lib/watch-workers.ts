import { systemDb } from "@/lib/db/client";

/**
 * Samples which worker processes hold running jobs (a worker id is `host:pid:random`), until stopped: evidence
 * that several processes really shared the queue. Bounded by `maxSamples`.
 */
export function watchWorkers(options: { everyMs: number; maxSamples: number }) {
  const pids = new Set<string>();
  let stopped = false;
  const loop = (async () => {
    for (let sample = 0; sample < options.maxSamples && !stopped; sample++) {
      const running = await systemDb.job.findMany({ where: { status: "running" }, select: { lockedBy: true } });
      for (const { lockedBy } of running) if (lockedBy) pids.add(lockedBy.split(":")[1] ?? lockedBy);
      await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    }
  })();
  return {
    async stop(): Promise<Set<string>> {
      stopped = true;
      await loop;
      return pids;
    },
  };
}
