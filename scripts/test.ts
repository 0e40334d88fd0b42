// npm test – the whole suite: lint, typecheck, unit + integration (vitest), browser journeys (Playwright).
import { cleanEnv } from "./lib/clean-env";
import { bin, run } from "./lib/run";

const steps: [string, string, string[]][] = [
  ["lint", bin("eslint"), ["."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["unit + integration", bin("vitest"), ["run"]],
  ["e2e (Playwright, Chromium)", bin("tsx"), ["scripts/e2e.ts"]],
];

async function main() {
  const results: { name: string; ok: boolean; seconds: number }[] = [];
  for (const [name, command, args] of steps) {
    console.log(`\n▶ ${name}`);
    const started = Date.now();
    try {
      // Only what the tools need from the caller: the app's variables (ADMIN_*, PORT, PLOOMES_*, …) never leak in;
      // DATABASE_URL is the one deliberate switch (the PostgreSQL run).
      await run(command, args, { env: cleanEnv() });
      results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
    } catch {
      results.push({ name, ok: false, seconds: (Date.now() - started) / 1000 });
      break;
    }
  }
  console.log("\nSummary");
  for (const result of results)
    console.log(`  ${result.ok ? "✓" : "✗"} ${result.name} (${result.seconds.toFixed(0)} s)`);
  const failed = results.some((result) => !result.ok) || results.length < steps.length;
  process.exit(failed ? 1 : 0);
}

main();
