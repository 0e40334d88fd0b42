import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_SQLITE_URL = "file:./data/app.db";

/**
 * Decides the database from DATABASE_URL: `postgres://` or `postgresql://` → PostgreSQL; a `file:` URL or
 * nothing → the embedded SQLite file (default `data/app.db`). Relative SQLite paths resolve from the project
 * root so that the CLI, the server and the tests all open the same file.
 */
export function resolveDatabase(rawUrl: string | undefined): {
  provider: DatabaseProvider;
  url: string;
  file?: string;
} {
  const url = rawUrl?.trim() || DEFAULT_SQLITE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(":")[0]}:…")`);
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
  return { provider: "sqlite", url: `file:${file}`, file };
}
