import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../scripts/lib/test-database";
import { bin, run } from "../../scripts/lib/run";

// One fresh database for the integration run (SQLite file, or a new PostgreSQL database when DATABASE_URL is
// postgres), migrated from scratch and dropped at the end.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("int");
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: process.env.TEST_VERBOSE ? "inherit" : "ignore",
  });
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
