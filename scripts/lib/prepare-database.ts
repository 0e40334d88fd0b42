import fs from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/resolve-database";
import { secureSqliteFiles } from "../../lib/db/secure-sqlite-files";
import { bin, run } from "./run";

/** The provider the generated Prisma client was built for (it cannot switch at run time). */
function generatedProvider(): string | null {
  const file = path.join("node_modules", ".prisma", "client", "schema.prisma");
  if (!fs.existsSync(file)) return null;
  return /provider\s*=\s*"(\w+)"/.exec(fs.readFileSync(file, "utf8").split("datasource")[1] ?? "")?.[1] ?? null;
}

/**
 * Makes the database usable: generates the Prisma client for its provider when needed, creates the SQLite folder,
 * applies pending migrations. Returns the provider.
 */
export async function prepareDatabase(options: { migrate?: boolean; quiet?: boolean } = {}) {
  const database = resolveDatabase(process.env.DATABASE_URL);
  process.env.DATABASE_URL = database.url;
  const stdio = options.quiet ? "ignore" : "inherit";
  if (generatedProvider() !== database.provider) {
    await run(
      bin("prisma"),
      ["generate", ...(database.provider === "postgresql" ? ["--schema", "prisma/postgres/schema.prisma"] : [])],
      { stdio },
    );
  }
  // Created owner-only before Prisma opens it (lib/db/secure-sqlite-files.ts).
  if (database.file) secureSqliteFiles(database.file);
  if (options.migrate !== false) await run(bin("prisma"), ["migrate", "deploy"], { stdio });
  if (database.file) secureSqliteFiles(database.file);
  return database;
}
