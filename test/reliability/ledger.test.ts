import { expect, it } from "vitest";
import { fullBurst } from "./lib/full-burst";
import { workerHost } from "./lib/hosts";
import { runScenario } from "./lib/run-scenario";
import { serveScenarios } from "./lib/serve-scenarios";

const server = serveScenarios();

it("a burst of 5,000 events balances: 10 % re-delivered, 20 % of Ploomes calls failing, 429s, slow answers", async () => {
  const ledger = await runScenario(fullBurst("ledger"), workerHost(server.url, { workers: 2, concurrency: 8 }));
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  // The storm really happened: the books balance despite it, not for want of it.
  expect(ledger.calls.byStatus["500"]).toBeGreaterThan(0);
  expect(ledger.calls.byStatus["429"]).toBeGreaterThan(0);
  expect(ledger.calls.byStatus.none).toBeGreaterThan(0);
  expect(ledger.jobs.retried).toBeGreaterThan(0);
});
