import fs from "node:fs";
import { afterAll, expect, it } from "vitest";
import { sparePort } from "../../scripts/lib/spare-port";
import { stopAllChildren } from "./lib/child-processes";
import { fullBurst } from "./lib/full-burst";
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
  const ledger = await runScenario(fullBurst("server-crashes", 60 * 60_000), host);
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  // Some deliveries met a dead server and were sent again, as JivoChat does: still one row per event.
  expect(ledger.answered).toBeGreaterThanOrEqual(ledger.unique);
});
