import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type BetterSqlite3 from "better-sqlite3";
import { env } from "@/lib/env";
import { resolveDatabase } from "./resolve-database";
import { secureSqliteFiles } from "./secure-sqlite-files";
import { serializedSqlite } from "./serialized-sqlite";

export const database = resolveDatabase(env.DATABASE_URL);

type Sqlite = ReturnType<typeof serializedSqlite>;

function createClient(): { client: PrismaClient; sqlite: Sqlite | null } {
  if (database.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: database.url, max: 10, connectionTimeoutMillis: 10_000 });
    return { client: new PrismaClient({ adapter }), sqlite: null };
  }
  if (database.file) secureSqliteFiles(database.file);
  const sqlite = serializedSqlite({ url: database.url, timeout: 10_000 }, tuneSqlite);
  return { client: new PrismaClient({ adapter: sqlite.factory }), sqlite };
}

// One client per process, kept across Next's module reloads in development.
const globalForDb = globalThis as unknown as { __prisma?: { client: PrismaClient; sqlite: Sqlite | null } };

// SQLite: WAL lets the web process read while a worker process writes. synchronous = FULL, said explicitly
// (better-sqlite3 is built to default to NORMAL in WAL mode): the receiver answers JivoChat only once its event
// is on disk, power loss included.
function tuneSqlite(db: BetterSqlite3.Database) {
  try {
    db.pragma("journal_mode = WAL");
  } catch {
    // Another process holds the file; it has set WAL already or will.
  }
  db.pragma("synchronous = FULL");
}

/**
 * The unscoped client. Only system paths (webhook receiver, worker, sign-in, sandbox API) use it directly;
 * everything a signed-in user reaches goes through `scopedDb` (lib/db/scoped-db.ts).
 */
const created = globalForDb.__prisma ?? createClient();
export const systemDb: PrismaClient = created.client;
globalForDb.__prisma = created;

/**
 * SQLite only: runs `fn` synchronously on the process's connection, with no transaction open and no other query
 * running until it returns (see serialized-sqlite.ts). Null on PostgreSQL.
 */
export const sqliteExclusive = created.sqlite
  ? <T>(fn: (db: BetterSqlite3.Database) => T): Promise<T> => created.sqlite!.exclusive(() => systemDb.$connect(), fn)
  : null;

export const isPostgres = database.provider === "postgresql";
