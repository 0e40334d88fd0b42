import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "../../lib/db/resolve-database";

/**
 * A throw-away database for one test run: a fresh SQLite file, or, when DATABASE_URL points at PostgreSQL, a
 * fresh database on that server (created here, dropped by `drop`). Migrations are applied by the caller.
 */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  const suffix = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (base && resolveDatabase(base).provider === "postgresql") {
    const name = `hub_${suffix}`.toLowerCase();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const file = path.resolve("data", "test", `${suffix}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    url: `file:${file}`,
    drop: async () => {
      for (const ext of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${ext}`, { force: true });
    },
  };
}
