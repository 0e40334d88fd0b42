import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "@/lib/env";
import { resolveDatabase } from "./resolve-database";

export const database = resolveDatabase(env.DATABASE_URL);

function createClient(): PrismaClient {
  const adapter =
    database.provider === "postgresql"
      ? new PrismaPg({ connectionString: database.url, max: 10, connectionTimeoutMillis: 10_000 })
      : new PrismaBetterSQLite3({ url: database.url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient };

// SQLite: WAL lets the web process read while the worker writes. synchronous stays FULL (the default): the
// receiver answers JivoChat only after its event is on disk, power loss included.
function tuneSqlite(client: PrismaClient) {
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
}

/**
 * The unscoped client. Only system paths (webhook receiver, worker, sign-in, sandbox API) use it directly;
 * everything a signed-in user reaches goes through `scopedDb` (lib/db/scoped-db.ts).
 */
export const systemDb: PrismaClient = globalForDb.__prisma ?? createClient();
if (!globalForDb.__prisma && database.provider === "sqlite") tuneSqlite(systemDb);
globalForDb.__prisma = systemDb;

export const isPostgres = database.provider === "postgresql";
