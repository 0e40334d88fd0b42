// npm run test:reliability – the long reliability suites (docs/reliability.md): a production build for the
// server-crash suite, vitest's `reliability` project, then the figures of the run. Extra arguments go to vitest
// (e.g. a file name); RELIABILITY_EVENTS=500 for a quicker look, RELIABILITY_SEED=<n> to replay a run.
import { readFigures } from "../test/reliability/lib/write-figures";
import { ensureBuild } from "./lib/ensure-build";
import { prepareDatabase } from "./lib/prepare-database";
import { cleanEnv } from "./lib/clean-env";
import { bin, run } from "./lib/run";

type Figures = {
  name: string;
  database?: string;
  seed?: number;
  scenario?: { events: number; crashes: number };
  burst?: { duplicates: number };
  seconds?: { total: number };
  ledger?: {
    received: number;
    done: number;
    failed: number;
    ignored: number;
    created: Record<string, number>;
    calls: { total: number; byStatus: Record<string, number> };
    jobs: { maxAttempts: number };
    problems: string[];
    duplicateOrigins: string[];
  };
};

function summary(figures: Figures): string {
  const ledger = figures.ledger;
  if (!ledger) return `${figures.name}: ${JSON.stringify(figures)}`;
  const calls = ledger.calls.byStatus;
  const created = Object.entries(ledger.created)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(", ");
  return [
    `${figures.name} (${figures.database}, seed ${figures.seed}, ${figures.seconds?.total.toFixed(0)} s)`,
    `  ${figures.scenario?.events} events + ${figures.burst?.duplicates} re-deliveries, ${figures.scenario?.crashes} crashes`,
    `  received ${ledger.received} = done ${ledger.done} + failed ${ledger.failed} + ignored ${ledger.ignored}`,
    `  created: ${created}`,
    `  Ploomes calls ${ledger.calls.total}: ${calls["500"] ?? 0}× 500, ${calls["429"] ?? 0}× 429, ${calls.none ?? 0} unanswered; max attempts ${ledger.jobs.maxAttempts}`,
    `  ${ledger.problems.length + ledger.duplicateOrigins.length} problem(s)${ledger.problems.length ? `: ${ledger.problems.slice(0, 5).join(" | ")}` : ""}`,
  ].join("\n");
}

async function main() {
  const database = await prepareDatabase({ migrate: false, quiet: true });
  await ensureBuild(database.provider);
  const started = Date.now();
  let failed = false;
  try {
    await run(bin("vitest"), ["run", "--project", "reliability", ...process.argv.slice(2)], {
      env: cleanEnv({ RELIABILITY: "1" }),
    });
  } catch {
    failed = true;
  }
  console.log("\nFigures (data/reliability/figures/*.json)");
  // Only this run's: a suite left out keeps its older figures on disk, not on this screen.
  const fresh = (readFigures() as (Figures & { at: string })[]).filter((figures) => Date.parse(figures.at) >= started);
  for (const figures of fresh) console.log(summary(figures));
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
