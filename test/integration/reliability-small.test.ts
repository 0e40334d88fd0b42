import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slotIntervalMs } from "@/lib/ploomes/pacer";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { stopAllChildren } from "../reliability/lib/child-processes";
import { workerHost } from "../reliability/lib/hosts";
import { busiestWindow, startRecordingProxy } from "../reliability/lib/recording-proxy";
import { runScenario } from "../reliability/lib/run-scenario";
import { watchWorkers } from "../reliability/lib/watch-workers";

// The reliability suite in small (docs/reliability.md): the same scenarios as `npm run test:reliability`, sized
// to run inside `npm test` and, in CI, again on PostgreSQL.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopAllChildren();
  await server.close();
});

describe("the ledger balances (small burst)", () => {
  it("200 events, 10 % re-delivered, Ploomes failing 20 %, 429s, slow answers, a worker SIGKILLed five times", async () => {
    const ledger = await runScenario(
      {
        name: "small-ledger",
        events: 200,
        duplicateRate: 0.1,
        healthy: 3,
        doomed: 1,
        doomedShare: 0.05,
        faults: { errorRate: 0.2, rateLimitRate: 0.03 },
        spikeEveryMs: 3_000,
        senders: 8,
        timeoutMs: 150_000,
      },
      workerHost(server.url, { workers: 2, concurrency: 4, crashes: 5 }),
    );
    expect.soft(ledger.problems, "the ledger balances").toEqual([]);
    expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
    expect(ledger.calls.byStatus["500"]).toBeGreaterThan(0);
    expect(ledger.jobs.retried).toBeGreaterThan(0);
  }, 180_000);
});

describe("two worker processes on one database", () => {
  it("never run a job twice and keep the shared pacing budget between them", async () => {
    const perMinute = 1_200;
    const proxy = await startRecordingProxy(server.url);
    const watcher = watchWorkers({ everyMs: 100, maxSamples: 1_200 });
    try {
      const ledger = await runScenario(
        {
          name: "small-shared-workers",
          events: 80,
          duplicateRate: 0.1,
          healthy: 1,
          doomed: 0,
          doomedShare: 0,
          faults: {},
          spikeEveryMs: 0,
          agentLookups: false,
          senders: 8,
          timeoutMs: 100_000,
        },
        workerHost(proxy.url, { workers: 2, concurrency: 4, env: { PLOOMES_BUDGET_PER_MINUTE: String(perMinute) } }),
      );
      expect.soft(ledger.problems).toEqual([]);
      expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
      // Nothing failed, so every job ran exactly once: one attempt each, one successful write per record.
      expect(ledger.jobs).toMatchObject({ retried: 0, maxAttempts: 1 });
      expect(await watcher.stop()).toHaveProperty("size", 2);

      // Spaced one slot apart whichever process sends: within any 10 s, at most 10 s / slot + 1 calls, plus a
      // few for a process that sends its slot late (its event loop busy for a moment) while the other keeps time.
      const interval = slotIntervalMs(perMinute);
      const windowMs = 10_000;
      const arrivals = proxy.arrivals.filter((arrival) => arrival.at >= ledger.burstStartedAt);
      const busiest = busiestWindow(arrivals, ledger.fleet[0]!.budgetKey, windowMs);
      expect(busiest).toBeLessThanOrEqual(Math.floor((windowMs + 250) / interval) + 1);
      // …and the budget was what held them back: two unpaced processes would send far more.
      expect(busiest).toBeGreaterThan((windowMs / interval) * 0.6);
    } finally {
      await watcher.stop();
      await proxy.close();
    }
  }, 120_000);
});
