import fs from "node:fs";
import { afterAll, expect, it } from "vitest";
import { burstSize } from "./lib/burst-size";
import { sparePort, stopAllChildren } from "./lib/child-processes";
import { serverHost } from "./lib/hosts";
import { runScenario } from "./lib/run-scenario";

afterAll(async () => {
  await stopAllChildren();
});

it("the same burst balances while the production server (receiver, sandbox, worker) is SIGKILLed five times", async () => {
  // scripts/reliability.ts builds the app for this database first.
  expect(fs.existsSync(".next/BUILD_ID"), "no production build: run `npm run test:reliability`").toBe(true);
  const host = await serverHost({
    port: await sparePort(),
    crashes: 5,
    env: { WORKER_CONCURRENCY: "16" },
  });
  const ledger = await runScenario(
    {
      name: "server-crashes",
      events: burstSize(),
      duplicateRate: 0.1,
      healthy: 10,
      doomed: 1,
      doomedShare: 0.02,
      faults: { errorRate: 0.2, rateLimitRate: 0.02 },
      spikeEveryMs: 1_000,
      senders: 16,
      timeoutMs: 60 * 60_000,
    },
    host,
  );
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  // Some deliveries met a dead server and were sent again, as JivoChat does: still one row per event.
  expect(ledger.answered).toBeGreaterThanOrEqual(ledger.unique);
});
