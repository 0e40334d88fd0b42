import { systemDb } from "@/lib/db/client";

export type QueueState = { pending: number; done: number; failed: number };

export async function queueState(integrationIds: string[]): Promise<QueueState> {
  const groups = await systemDb.job.groupBy({
    by: ["status"],
    where: { event: { integrationId: { in: integrationIds } } },
    _count: { _all: true },
  });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return { pending: count("queued") + count("running"), done: count("done"), failed: count("failed") };
}

/**
 * Polls until no job of these integrations is queued or running (or at most `pendingAtMost`) — whoever works the
 * queue (child processes, a server) — or throws once `timeoutMs` has passed. Bounded in time and in polls.
 */
export async function waitForQueue(
  integrationIds: string[],
  options: { timeoutMs: number; pollMs?: number; pendingAtMost?: number },
): Promise<QueueState> {
  const pollMs = options.pollMs ?? 250;
  const enough = options.pendingAtMost ?? 0;
  const deadline = Date.now() + options.timeoutMs;
  for (let polls = 0; polls < Math.ceil(options.timeoutMs / pollMs) + 1; polls++) {
    const state = await queueState(integrationIds);
    if (state.pending <= enough) return state;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const state = await queueState(integrationIds);
  if (state.pending <= enough) return state;
  const stuck = await systemDb.job.findMany({
    where: { event: { integrationId: { in: integrationIds } }, status: { in: ["queued", "running"] } },
    select: {
      status: true,
      attempts: true,
      runAt: true,
      leaseUntil: true,
      lockedBy: true,
      lastError: true,
      event: { select: { status: true, eventName: true } },
    },
    take: 5,
  });
  throw new Error(
    `${state.pending} job(s) still queued or running after ${options.timeoutMs / 1000} s: ${JSON.stringify(stuck)}`,
  );
}
