// npm run bench [-- --only ingest|drain|latency|agent|fair|calls] [--quick] [--seconds N] (ingest) [--samples N] (latency)
//               [--chats N] [--workers N] [--returning later|together] [--db sqlite|postgresql] [--pg-url URL] (drain)
// Runs every benchmark in turn, each in its own process inside a private copy of this checkout (see
// lib/workspace.ts), and writes the results to bench/results/ (or BENCH_RESULTS_DIR). Never part of `npm test`.
import path from "node:path";
import { bin, run } from "../scripts/lib/run";
import { option } from "./lib/bench-args";
import { type Provider, prepareWorkspace } from "./lib/workspace";

const BENCHMARKS = {
  calls: "bench/calls-per-chat.ts",
  ingest: "bench/ingest.ts",
  latency: "bench/latency.ts",
  agent: "bench/agent-answer.ts",
  fair: "bench/fair-queue.ts",
  drain: "bench/drain.ts",
};
type Name = keyof typeof BENCHMARKS;
const PROVIDERS: Provider[] = ["sqlite", "postgresql"];
// Options of this script only; everything else goes through to the benchmarks.
const OWN_OPTIONS = ["--only", "--db", "--pg-url"];

function isName(value: string): value is Name {
  return value in BENCHMARKS;
}

async function main() {
  const only = option("only");
  if (only !== undefined && !isName(only))
    throw new Error(`--only must be one of ${Object.keys(BENCHMARKS).join(", ")} (got "${only}")`);
  const db = option("db");
  if (db !== undefined && !PROVIDERS.includes(db as Provider))
    throw new Error(`--db must be sqlite or postgresql (got "${db}")`);
  const pgUrl = option("pg-url") ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const args = process.argv
    .slice(2)
    .filter((arg, index, all) => !OWN_OPTIONS.includes(arg) && !OWN_OPTIONS.includes(all[index - 1] ?? ""));

  const steps: { name: Name; provider: Provider }[] = [];
  for (const name of only ? [only] : (Object.keys(BENCHMARKS) as Name[])) {
    // Only the drain compares databases; the others measure the default (SQLite) set-up.
    const providers = name === "drain" ? (db ? [db as Provider] : PROVIDERS) : ["sqlite" as const];
    for (const provider of providers) steps.push({ name, provider });
  }

  // Resolved here: the benchmarks run elsewhere (see lib/workspace.ts) but write into this checkout.
  const resultsDir = path.resolve(process.env.BENCH_RESULTS_DIR ?? path.join("bench", "results"));
  const workspaces = new Map<Provider, string>();
  const failed: string[] = [];
  for (const { name, provider } of steps) {
    const label = `${name} (${provider})`;
    console.log(`\n▶ ${label}`);
    try {
      if (!workspaces.has(provider)) workspaces.set(provider, await prepareWorkspace(provider, pgUrl));
      const env: Record<string, string | undefined> = { ...process.env, BENCH_RESULTS_DIR: resultsDir };
      if (provider === "postgresql") env.DATABASE_URL = pgUrl;
      else delete env.DATABASE_URL;
      await run(bin("tsx"), [BENCHMARKS[name], ...args], {
        cwd: workspaces.get(provider),
        env: env as NodeJS.ProcessEnv,
      });
    } catch (error) {
      console.error(`${label} failed: ${error instanceof Error ? error.message : error}`);
      failed.push(label);
    }
  }
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(", ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
