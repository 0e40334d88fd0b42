import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Real Ploomes budgets (100/min each, burst cut to fit 120), not the suites' fast one: account A's backlog must be
// bound by its budget for the question "does B wait behind it?" to mean anything.
vi.hoisted(() => {
  Object.assign(process.env, {
    PLOOMES_BUDGET_PER_MINUTE: "100",
    PLOOMES_RATE_LIMIT_PER_MINUTE: "120",
    PLOOMES_BURST: "18",
  });
});

import { systemDb } from "@/lib/db/client";
import { budgetShape } from "@/lib/ploomes/connection-client";
import { claimNextJob, maxRunningPerBudget } from "@/lib/jobs/claim-next-job";
import { completeJob } from "@/lib/jobs/job-transitions";
import { startWorker } from "@/lib/jobs/run-worker";
import { deferBudget } from "@/lib/ploomes/db-pacer";
import { slotIntervalMs } from "@/lib/ploomes/pacer";
import { processEvent, settleEvent } from "@/lib/sync/process-event";
import { serveTestServer } from "../../helpers/serve-test-server";
import { deliver, fixture, setupFunnelIntegration } from "../../helpers/sandbox-integration";
import { seedAccount, seedEvent, seedIntegration } from "../../helpers/seed";

/** An integration on a connection of its own (its own Ploomes budget), with one job queued at `runAt`. */
async function jobOnOwnBudget(runAt: Date) {
  const { budgetKey, jobIds } = await jobsOnOwnBudget([runAt]);
  return { budgetKey, jobId: jobIds[0]! };
}

/** The same with one job queued per `runAt`, all on the one budget. */
async function jobsOnOwnBudget(runAts: Date[]) {
  const account = await seedAccount();
  const budgetKey = `test:fair:${randomUUID()}`;
  const connection = await systemDb.ploomesConnection.create({
    data: {
      accountId: account.id,
      name: "Ploomes",
      baseUrl: "https://api2.ploomes.com",
      apiKeyCipher: "x",
      apiKeyLast4: "xxxx",
      budgetKey,
    },
  });
  const { integration } = await seedIntegration({ accountId: account.id, connectionId: connection.id });
  const jobIds: string[] = [];
  for (const runAt of runAts) jobIds.push((await seedEvent(integration, {}, { runAt, createdAt: runAt })).job!.id);
  return { budgetKey, jobIds };
}

describe("claimNextJob is fair across Ploomes budgets", () => {
  it("passes over a job whose budget is spent, and takes it again once its budget has a call free", async () => {
    // Older than anything else in the run's queue, so these are the first candidates.
    const a = await jobOnOwnBudget(new Date("2000-01-01T00:00:00Z"));
    const b = await jobOnOwnBudget(new Date("2000-01-02T00:00:00Z"));
    const shape = budgetShape();
    const interval = slotIntervalMs(shape.perMinute);
    const now = Date.now();
    // A's budget is spent for the next 3 s: its queued lane has no call free before then.
    await deferBudget(a.budgetKey, now + 3_000 + (shape.burst - shape.reserve) * interval);
    const first = await claimNextJob("worker-1", new Date(now));
    expect(first?.id).toBe(b.jobId);
    await completeJob(b.jobId, "worker-1");
    expect((await claimNextJob("worker-1", new Date(now)))?.id).not.toBe(a.jobId);
    // Any job claimed above is another test's leftover; A's turn comes when its budget has a call free.
    await systemDb.job.updateMany({
      where: { lockedBy: "worker-1", id: { not: b.jobId } },
      data: { status: "queued", lockedBy: null, leaseUntil: null },
    });
    expect((await claimNextJob("worker-2", new Date(now + 3_000)))?.id).toBe(a.jobId);
    await completeJob(a.jobId, "worker-2");
  });
});

describe("claimNextJob caps the jobs running on one budget", () => {
  // At 100/min (one call per 600 ms) two jobs keep the budget spent.
  const CAP = maxRunningPerBudget();
  it("allows two jobs of a 100/min budget at once", () => expect(CAP).toBe(2));

  it(`runs at most ${CAP} of one budget's jobs at once, and passes over the rest to another budget's`, async () => {
    // Older than anything else in the run's queue; the budget is idle, so only the cap can hold A's third job back.
    const day = (n: number) => new Date(`1999-01-0${n}T00:00:00Z`);
    const a = await jobsOnOwnBudget([day(1), day(2), day(3)]);
    const b = await jobOnOwnBudget(day(4));
    const now = new Date();
    const claimed = [];
    for (let n = 0; n < CAP; n++) claimed.push((await claimNextJob(`cap-${n}`, now))?.id);
    expect(claimed).toEqual(a.jobIds.slice(0, CAP));
    // A's third job is the oldest queued, but A already runs its share: B's job is next.
    expect((await claimNextJob("cap-b", now))?.id).toBe(b.jobId);
    await completeJob(b.jobId, "cap-b");
    // Once one of A's jobs is done, its third may run.
    await completeJob(a.jobIds[0]!, "cap-0");
    expect((await claimNextJob("cap-2", now))?.id).toBe(a.jobIds[2]);
    for (const [n, id] of [a.jobIds[1]!, a.jobIds[2]!].entries()) await completeJob(id, `cap-${n + 1}`);
  });
});

describe("one account's backlog does not starve another", () => {
  const server = serveTestServer();

  /** Empresa + Pessoa + Negócio into the sandbox's sales funnel, on a sandbox tenant (and Ploomes budget) of its own. */
  const dealIntegration = () =>
    setupFunnelIntegration(
      server.url,
      { behaviour: "company_person_deal", avoidDuplicateDeals: true },
      { lastHealthAt: new Date() },
    );

  function finishedChat(chatId: number, email: string) {
    const payload = JSON.parse(fixture("chat_finished"));
    return JSON.stringify({ ...payload, chat_id: chatId, visitor: { ...payload.visitor, email, phone: null } });
  }

  it("B's one chat is done while A's 200 queued chats still wait for A's budget", async () => {
    const a = await dealIntegration();
    const b = await dealIntegration();
    for (let chat = 0; chat < 200; chat++) {
      const answer = await deliver(a.webhookUrl, finishedChat(50_000 + chat, `visitante.a.${chat}@exemplo.com.br`));
      expect(answer.status).toBe(200);
    }
    const doneOf = (integrationId: string) =>
      systemDb.job.count({ where: { status: "done", event: { integrationId } } });
    const worker = startWorker({
      handler: processEvent,
      onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
      concurrency: 4,
      pollMs: 100,
    });
    try {
      // A's backlog has spent its burst (3 chats of up to 10 calls each) before B's chat arrives.
      while ((await doneOf(a.integration.id)) < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await deliver(b.webhookUrl, finishedChat(60_000, "visitante.b@exemplo.com.br"))).status).toBe(200);
      // Wait on the queue, not the clock: either B is done, or A has worked off 30 chats (~2 min at its budget)
      // — which, were claims first-in-first-out, would all come before B (B is behind 190+ of A's jobs).
      let aDone = 0;
      for (;;) {
        aDone = await doneOf(a.integration.id);
        if ((await doneOf(b.integration.id)) === 1 || aDone >= 30) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await doneOf(b.integration.id)).toBe(1);
      expect(aDone).toBeLessThan(30);
      // A kept its own work going meanwhile, and none of A's chats failed.
      expect(
        await systemDb.job.count({ where: { status: "failed", event: { integrationId: a.integration.id } } }),
      ).toBe(0);
      const bDeal = await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: b.integration.id } });
      expect(bDeal.status).toBe("done");
    } finally {
      await worker.stop();
      // The rest of A's backlog is of no further use: it leaves the queue, so later test files do not inherit it.
      await systemDb.job.deleteMany({
        where: { status: { in: ["queued", "running"] }, event: { integrationId: a.integration.id } },
      });
    }
  }, 240_000);
});
