import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { cleanEnv } from "../../scripts/lib/clean-env";
import { createTestDatabase } from "../../scripts/lib/test-database";
import { bin, run } from "../../scripts/lib/run";

// One fresh database for the integration run (SQLite file, or a new PostgreSQL database when DATABASE_URL is
// postgres), migrated from scratch and dropped at the end.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("int");
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: cleanEnv({ DATABASE_URL: database.url }),
    stdio: process.env.TEST_VERBOSE ? "inherit" : "ignore",
  });
  project.provide("databaseUrl", database.url);
  // One pair of secrets for the whole run, so that every test file (and every process a test starts) reads what
  // another encrypted; never the caller's, nor data/secrets.json of a developer's own app.
  project.provide("appSecrets", {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  return async () => {
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appSecrets: { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string };
  }
}
