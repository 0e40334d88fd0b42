import { inject } from "vitest";

// Runs before each test file's imports, after test/setup-test-env.ts: every module that opens the database sees
// the run's own database, and the app's settings are exactly these (worker processes the tests start inherit them,
// see test/reliability/lib/child-processes.ts).
Object.assign(process.env, {
  DATABASE_URL: inject("databaseUrl"),
  ...inject("appSecrets"),
  PLOOMES_ALLOW_PRIVATE_URLS: "true",
  LOG_LEVEL: "warn",
  // Each test uses its own sandbox tenant (its own budget key and rate limit): pace fast so suites stay quick.
  // The pacing rule itself is tested with real budgets in test/integration/ploomes/db-pacer.test.ts and the drain benchmark.
  PLOOMES_BUDGET_PER_MINUTE: "3000",
  PLOOMES_RATE_LIMIT_PER_MINUTE: "6000",
  JOB_RETRY_BASE_MS: "100",
  JOB_LEASE_MS: "3000",
  PLOOMES_TIMEOUT_MS: "1500",
});
