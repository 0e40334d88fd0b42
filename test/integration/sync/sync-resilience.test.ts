import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { setSandboxFaults, faultSchedule } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "../../helpers/serve-test-server";
import {
  distinctChats,
  deliver,
  drain,
  drainFor,
  eventsOf,
  sandboxRecords,
  setupFunnelIntegration,
} from "../../helpers/sandbox-integration";
import { killHard, logFile, spawnWorker, stopAllChildren } from "../../reliability/lib/child-processes";
import { seededRandom } from "../../reliability/lib/seeded-random";

const server = serveTestServer({ beforeClose: stopAllChildren });

const dealIntegration = () =>
  setupFunnelIntegration(server.url, { behaviour: "company_person_deal", avoidDuplicateDeals: false });

/** N distinct chats from N distinct visitors, each with its own company. */
const chats = (count: number, offset = 0) =>
  distinctChats(count, offset, { chatId: 700000, email: "visitante", phone: 10000000 });

async function expectExactlyOnce(setup: Awaited<ReturnType<typeof dealIntegration>>, count: number, offset = 0) {
  const contacts = await sandboxRecords(setup.tenantId, "Contacts");
  const deals = await sandboxRecords(setup.tenantId, "Deals");
  for (let n = 0; n < count; n++) {
    const i = n + offset;
    const people = contacts.filter((c) => c.Email === `visitante${i}@exemplo.com.br`);
    const companies = contacts.filter((c) => c.Name === `Empresa ${i} Ltda`);
    expect(people, `person ${i}`).toHaveLength(1);
    expect(companies, `company ${i}`).toHaveLength(1);
    expect(people[0]!.CompanyId).toBe(companies[0]!.Id);
    expect(
      deals.filter((d) => d.PersonId === people[0]!.Id),
      `deal ${i}`,
    ).toHaveLength(1);
  }
}

describe("when Ploomes fails", () => {
  it("500s and 429s end in success after retries, nothing duplicated, every call in the log", async () => {
    const setup = await dealIntegration();
    // A fault schedule drawn once from a fixed seed (about 20 % 500s and 10 % 429s): the same faults every run, met
    // by the chats' requests in the order they arrive; the rest of the requests succeed.
    const schedule = faultSchedule({ errorRate: 0.2, rateLimitRate: 0.1 }, 40, seededRandom(20261207).next);
    const scheduled = (answer: string) => schedule.filter((entry) => entry === answer).length;
    expect(scheduled("500")).toBeGreaterThanOrEqual(4);
    expect(scheduled("429")).toBeGreaterThanOrEqual(2);
    await setSandboxFaults(setup.tenantId, { schedule });
    for (const body of chats(6)) expect((await deliver(setup.webhookUrl, body)).status).toBe(200);
    await drain([setup.integration.id]);

    const events = await eventsOf(setup.integration.id);
    expect(events.map((e) => e.status)).toEqual(Array(6).fill("done"));
    await expectExactlyOnce(setup, 6);
    // Every scheduled fault was met by some chat and logged on its event.
    const calls = events.flatMap((e) => e.calls);
    expect(calls.filter((c) => c.status === 500)).toHaveLength(scheduled("500"));
    expect(calls.filter((c) => c.status === 429)).toHaveLength(scheduled("429"));
    expect(events.some((e) => e.job!.attempts > 1)).toBe(true);
  });

  it("timeouts are retried: a slow Ploomes, then a healthy one", async () => {
    const setup = await dealIntegration();
    await setSandboxFaults(setup.tenantId, { latencyMs: 2_500 });
    await deliver(setup.webhookUrl, chats(1, 50)[0]!);
    // A few attempts time out (the client's limit is 1.5 s here): every call takes longer, so it cannot be done.
    expect(await drainFor([setup.integration.id], 4_000)).toBe(1);
    const [slow] = await eventsOf(setup.integration.id);
    expect(slow!.calls.some((c) => c.error?.includes("timed out") || c.error?.includes("timeout"))).toBe(true);
    expect(["retrying", "processing"]).toContain(slow!.status);
    // …then Ploomes recovers and the chat goes through once.
    await setSandboxFaults(setup.tenantId, { latencyMs: 0 });
    await drain([setup.integration.id]);
    expect((await eventsOf(setup.integration.id))[0]!.status).toBe("done");
    await expectExactlyOnce(setup, 1, 50);
  }, 60_000);

  it("a refused key fails at once, flags the integration and is not retried", async () => {
    const setup = await dealIntegration();
    await systemDb.sandboxTenant.update({
      where: { id: setup.tenantId },
      data: { apiKeyHash: `rotated-${setup.tenantId}` },
    });
    await deliver(setup.webhookUrl, chats(1, 60)[0]!);
    await drain([setup.integration.id]);
    const [event] = await eventsOf(setup.integration.id);
    expect(event).toMatchObject({ status: "failed" });
    expect(event!.job).toMatchObject({ status: "failed", attempts: 1 });
    expect(event!.statusReason).toMatch(/401/);
    const integration = await systemDb.integration.findUniqueOrThrow({ where: { id: setup.integration.id } });
    expect(integration.flaggedReason).toMatch(/chave da API/);
  });
});

describe("when the worker dies", () => {
  it("a worker killed with SIGKILL mid-chat is replaced and the chats complete without duplicates", async () => {
    const setup = await dealIntegration();
    // Slow answers keep the killed worker in the middle of its chats.
    await setSandboxFaults(setup.tenantId, { latencyMs: 150, rateLimit: 100_000 });
    for (const body of chats(8, 100)) await deliver(setup.webhookUrl, body);

    // Node itself, not tsx's wrapper: a SIGKILL to the wrapper left the node process working the queue as an orphan.
    const child = spawnWorker({ concurrency: 4, log: logFile("sync-resilience-worker.log") });
    // Wait until the child has written some records, then kill it without warning.
    await expect
      .poll(
        async () =>
          systemDb.ploomesCall.count({ where: { event: { integrationId: setup.integration.id }, method: "POST" } }),
        {
          timeout: 30_000,
          interval: 100,
        },
      )
      .toBeGreaterThanOrEqual(6);
    await killHard(child);
    expect(() => process.kill(child.pid!, 0)).toThrow(/ESRCH/);
    // Nothing works the queue any more: no Ploomes call is made while no worker runs.
    const calls = () => systemDb.ploomesCall.count({ where: { event: { integrationId: setup.integration.id } } });
    const callsAtKill = await calls();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await calls()).toBe(callsAtKill);
    const running = await systemDb.job.count({
      where: { event: { integrationId: setup.integration.id }, status: "running" },
    });
    expect(running).toBeGreaterThan(0);

    await setSandboxFaults(setup.tenantId, { latencyMs: 0 });
    await drain([setup.integration.id]);
    const events = await eventsOf(setup.integration.id);
    expect(events.map((e) => e.status)).toEqual(Array(8).fill("done"));
    await expectExactlyOnce(setup, 8, 100);
  }, 120_000);
});
