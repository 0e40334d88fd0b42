import { inject } from "vitest";

// Runs before each test file's imports: every module that opens the database sees the run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.PLOOMES_ALLOW_PRIVATE_URLS = "true";
process.env.LOG_LEVEL ??= "warn";
// Each test uses its own sandbox tenant (its own budget key and rate limit): pace fast so suites stay quick.
// The pacing rule itself is tested with real budgets in lib/ploomes/db-pacer.test.ts and the drain benchmark.
process.env.PLOOMES_BUDGET_PER_MINUTE ??= "3000";
process.env.JOB_RETRY_BASE_MS ??= "100";
process.env.JOB_LEASE_MS ??= "3000";
process.env.PLOOMES_TIMEOUT_MS ??= "1500";
