import fc from "fast-check";
import { isAppVariable } from "../scripts/lib/clean-env";

// Runs before each test file's imports (every project), so that a test's result depends on the code only.

// The app's configuration comes from what the tests set, never from the shell that ran vitest (`npm test` already
// starts vitest with a clean environment; this covers a direct `npx vitest`). DATABASE_URL stays: it is the
// deliberate switch to PostgreSQL.
for (const name of Object.keys(process.env)) {
  if (isAppVariable(name) && name !== "DATABASE_URL") delete process.env[name];
}
Object.assign(process.env, { NODE_ENV: "test" });

// Property tests draw the same cases on every run; FUZZ_SEED explores others (a failure prints its seed and path).
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) || 20261207 });
