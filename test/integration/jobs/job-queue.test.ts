import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { claimNextJob } from "@/lib/jobs/claim-next-job";
import { completeJob, releaseJob } from "@/lib/jobs/job-transitions";
import { startWorker, type ClaimedJob } from "@/lib/jobs/run-worker";
import { seedAccount, seedEvent, seedIntegration } from "../../helpers/seed";

async function queueJobs(count: number, chatKey?: (index: number) => string) {
  const account = await seedAccount();
  const { integration } = await seedIntegration({ accountId: account.id });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const event = await seedEvent(
      integration,
      {},
      { chatKey: chatKey?.(index) ?? randomUUID(), createdAt: new Date(Date.now() - (count - index) * 1000) },
    );
    ids.push(event.job!.id);
  }
  return ids;
}

async function drainQueue() {
  // Other tests' leftovers must not be claimed here.
  await systemDb.job.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "done" } });
}

describe("job queue", () => {
  it("never hands the same job to two concurrent claimers", async () => {
    await drainQueue();
    const ids = await queueJobs(12);
    const claims = await Promise.all(Array.from({ length: 30 }, (_, n) => claimNextJob(`w${n % 3}`)));
    const claimed = claims.filter(Boolean).map((job) => job!.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    // Every job was claimed, each once (a worker left running by another test file may have taken some).
    expect(claimed.every((id) => ids.includes(id))).toBe(true);
    expect(await systemDb.job.count({ where: { id: { in: ids }, status: "queued" } })).toBe(0);
    expect(claimed.length).toBeGreaterThan(0);
  });

  it("runs the jobs of one chat in order, one at a time", async () => {
    await drainQueue();
    const ids = await queueJobs(3, () => "same-chat");
    const first = await claimNextJob("w1");
    expect(first?.id).toBe(ids[0]);
    expect(await claimNextJob("w2")).toBeNull();
    await completeJob(first!.id, "w1");
    expect((await claimNextJob("w2"))?.id).toBe(ids[1]);
  });

  it("gives a dead worker's job to another worker once its lease expires", async () => {
    await drainQueue();
    const [id] = await queueJobs(1);
    await claimNextJob("dead-worker");
    expect(await claimNextJob("w2")).toBeNull();
    const later = new Date(Date.now() + 6 * 60_000);
    const taken = await claimNextJob("w2", later);
    expect(taken?.id).toBe(id);
    expect(taken?.attempts).toBe(2);
    // The dead worker's late completion cannot overwrite the new owner's state.
    await completeJob(id!, "dead-worker");
    expect((await systemDb.job.findUnique({ where: { id } }))?.lockedBy).toBe("w2");
  });

  it("releases a job on shutdown without counting the attempt", async () => {
    await drainQueue();
    const [id] = await queueJobs(1);
    const job = await claimNextJob("w1");
    await releaseJob(job!.id, "w1");
    expect(await systemDb.job.findUnique({ where: { id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      lockedBy: null,
    });
  });

  it("a worker retries transient failures later and fails permanent ones at once", async () => {
    await drainQueue();
    const [transient, permanent, fine] = await queueJobs(3);
    const seen: string[] = [];
    const worker = startWorker({
      concurrency: 2,
      pollMs: 50,
      handler: async (job: ClaimedJob) => {
        seen.push(job.id);
        if (job.id === transient) return { kind: "retry", error: "500 from Ploomes" };
        if (job.id === permanent) return { kind: "failed", error: "401 from Ploomes" };
        return { kind: "done" };
      },
    });
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await worker.stop();
    const jobs = await systemDb.job.findMany({ where: { id: { in: [transient!, permanent!, fine!] } } });
    const byId = new Map(jobs.map((job) => [job.id, job]));
    expect(byId.get(transient!)).toMatchObject({ status: "queued", lastError: "500 from Ploomes", attempts: 1 });
    expect(byId.get(transient!)!.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(byId.get(permanent!)).toMatchObject({ status: "failed", lastError: "401 from Ploomes" });
    expect(byId.get(fine!)).toMatchObject({ status: "done" });
  });

  it("settles the job and what mirrors it together: when the mirror fails, the job is not settled either", async () => {
    await drainQueue();
    const [id] = await queueJobs(1);
    const settledIds: string[] = [];
    const worker = startWorker({
      concurrency: 1,
      pollMs: 50,
      handler: async () => ({ kind: "done" }),
      onSettled: async (job, _settled, tx) => {
        await tx.job.update({ where: { id: job.id }, data: { lastError: "written by the mirror" } });
        settledIds.push(job.id);
        throw new Error("the event could not be written");
      },
    });
    await expect.poll(() => settledIds.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await worker.stop();
    const job = await systemDb.job.findUniqueOrThrow({ where: { id } });
    // Neither "done" nor the mirror's write: the job went back to the queue (stop() hands it back) or stays leased.
    expect(job.status).not.toBe("done");
    expect(job.lastError).not.toBe("written by the mirror");
  });

  it("abandons an attempt that outlives its time limit and schedules a retry", async () => {
    await drainQueue();
    const [id] = await queueJobs(1);
    let signal: AbortSignal | null = null;
    const worker = startWorker({
      concurrency: 1,
      pollMs: 50,
      attemptTimeoutMs: 300,
      retryBaseMs: 60_000,
      handler: (_job, attemptSignal) => {
        signal = attemptSignal;
        return new Promise<never>(() => undefined);
      },
      onSettled: async (job, settled, tx) => {
        await tx.webhookEvent.update({ where: { id: job.eventId }, data: { status: settled.status } });
      },
    });
    // Queued it was before the claim too: wait for the retry the watchdog scheduled.
    await expect
      .poll(async () => (await systemDb.job.findUniqueOrThrow({ where: { id } })).lastError, { timeout: 5_000 })
      .toMatch(/abandonada/);
    await worker.stop();
    const job = await systemDb.job.findUniqueOrThrow({ where: { id }, include: { event: true } });
    expect(job).toMatchObject({ status: "queued", attempts: 1, lockedBy: null });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(job.event.status).toBe("retrying");
    expect(signal!.aborted).toBe(true);
  });
});
