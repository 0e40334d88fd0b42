import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { burstSize } from "./lib/burst-size";
import { stopAllChildren } from "./lib/child-processes";
import { workerHost } from "./lib/hosts";
import { runScenario } from "./lib/run-scenario";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopAllChildren();
  await server.close();
});

it("the same burst balances while the worker process is SIGKILLed five times and restarted", async () => {
  const ledger = await runScenario(
    {
      name: "worker-crashes",
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
    workerHost(server.url, { workers: 1, concurrency: 16, crashes: 5 }),
  );
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  expect(ledger.jobs.retried).toBeGreaterThan(0);
});
