import { inject } from "vitest";

// Runs before each test file's imports: every module that opens the database sees the run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.PLOOMES_ALLOW_PRIVATE_URLS = "true";
process.env.LOG_LEVEL ??= "warn";
