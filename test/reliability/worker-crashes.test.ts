import { expect, it } from "vitest";
import { fullBurst } from "./lib/full-burst";
import { workerHost } from "./lib/hosts";
import { runScenario } from "./lib/run-scenario";
import { serveScenarios } from "./lib/serve-scenarios";

const server = serveScenarios();

it("the same burst balances while the worker process is SIGKILLed five times and restarted", async () => {
  const ledger = await runScenario(
    fullBurst("worker-crashes"),
    workerHost(server.url, { workers: 1, concurrency: 16, crashes: 5 }),
  );
  expect.soft(ledger.problems, "the ledger balances").toEqual([]);
  expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
  expect(ledger.jobs.retried).toBeGreaterThan(0);
});
