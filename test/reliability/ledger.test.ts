import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { stopAllChildren } from "./lib/child-processes";
import { workerHost } from "./lib/hosts";
import { burstSize } from "./lib/burst-size";
import { runScenario } from "./lib/run-scenario";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopAllChildren();
  await server.close();
});

it("a burst of 5,000 events balances: 10 % re-delivered, 20 % of Ploomes calls failing, 429s, slow answers", async () => {
  const ledger = await runScenario(
    {
      name: "ledger",
      events: burstSize(),
      duplicateRate: 0.1,
      healthy: 10,
      doomed: 1,
      doomedShare: 0.02,
      faults: { errorRate: 0.2, rateLimitRate: 0.02 },
      spikeEveryMs: 1_000,
      senders: 16,
      timeoutMs: 50 * 60_000,
    },
    workerHost(server.url, { workers: 2, concurrency: 8 }),
  );
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  // The storm really happened: the books balance despite it, not for want of it.
  expect(ledger.calls.byStatus["500"]).toBeGreaterThan(0);
  expect(ledger.calls.byStatus["429"]).toBeGreaterThan(0);
  expect(ledger.calls.byStatus.none).toBeGreaterThan(0);
  expect(ledger.jobs.retried).toBeGreaterThan(0);
});
