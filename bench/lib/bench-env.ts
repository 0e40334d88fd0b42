import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { bin, run } from "../../scripts/lib/run";
import { createTestDatabase } from "../../scripts/lib/test-database";

/**
 * A throw-away, migrated database for one benchmark; env is set before any app module is imported. The secrets
 * are fixed here so that child processes (the app, workers) decrypt what this process encrypted.
 */
export async function benchDatabase(label: string) {
  const database = await createTestDatabase(label);
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: "ignore",
  });
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL ??= "warn";
  process.env.PLOOMES_ALLOW_PRIVATE_URLS = "true";
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  return database;
}

const SYNCHRONOUS = ["OFF", "NORMAL", "FULL", "EXTRA"];

export type SqliteSettings = { journalMode: string; synchronous: string };

/** The journal mode and `synchronous` of one connection, read with `query`. */
export async function sqliteSettings(query: (sql: string) => Promise<unknown>): Promise<SqliteSettings> {
  const [journal] = (await query("PRAGMA journal_mode")) as { journal_mode: string }[];
  const [sync] = (await query("PRAGMA synchronous")) as { synchronous: number | bigint }[];
  return { journalMode: journal?.journal_mode ?? "?", synchronous: SYNCHRONOUS[Number(sync?.synchronous)] ?? "?" };
}

/**
 * What a process of the app gets on DATABASE_URL, asked of a fresh process: a connection's settings depend on
 * the state the database file was in when it opened it (see print-sqlite-settings.ts), so this process's own
 * connection is no witness.
 */
export async function appSqliteSettings(): Promise<SqliteSettings> {
  const { stdout } = await promisify(execFile)(bin("tsx"), ["bench/lib/print-sqlite-settings.ts"], {
    env: process.env,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as SqliteSettings;
}

export const describeSqlite = (settings: SqliteSettings) =>
  `sqlite (journal_mode=${settings.journalMode}, synchronous=${settings.synchronous})`;

export function machineFacts(database: string) {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    database,
    // Other work on the machine (tests of other engineers, say) skews the figures: the load says how much.
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
    date: new Date().toISOString(),
  };
}

/** Writes `<results>/<name>.json` and `.md` and prints the markdown; `bench/run.ts` points BENCH_RESULTS_DIR home. */
export function writeResults(name: string, data: unknown, markdown: string) {
  const dir = path.resolve(process.env.BENCH_RESULTS_DIR ?? path.join("bench", "results"));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown + "\n");
  console.log(markdown);
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}
