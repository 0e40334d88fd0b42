import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { stopAllChildren } from "../reliability/lib/child-processes";
import { workerHost } from "../reliability/lib/hosts";
import { runScenario } from "../reliability/lib/run-scenario";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await stopAllChildren();
  await server.close();
});

describe("the ledger balances (small burst)", () => {
  it("200 events, 10 % re-delivered, 20 % of Ploomes calls failing, 429s and slow answers, two worker processes", async () => {
    const ledger = await runScenario(
      {
        name: "small-ledger",
        events: 200,
        duplicateRate: 0.1,
        healthy: 3,
        doomed: 1,
        doomedShare: 0.05,
        faults: { errorRate: 0.2, rateLimitRate: 0.03 },
        spikeEveryMs: 1_500,
        senders: 8,
        timeoutMs: 150_000,
      },
      workerHost(server.url, { workers: 2, concurrency: 4 }),
    );
    expect.soft(ledger.problems, "the ledger balances").toEqual([]);
    expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  }, 180_000);
});
