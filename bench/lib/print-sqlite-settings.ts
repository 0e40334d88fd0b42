// tsx bench/lib/print-sqlite-settings.ts – prints, as JSON on its last line, the SQLite settings that a process of
// the app opening DATABASE_URL ends up with: what lib/db/client.ts sets plus the driver's defaults (better-sqlite3
// gives a connection that opens a database already in WAL mode synchronous=NORMAL unless told otherwise).
import { sqliteSettings } from "./bench-env";

async function main() {
  const { systemDb } = await import("@/lib/db/client");
  // Let the client's own tuning statements, queued at import, run first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(JSON.stringify(await sqliteSettings((sql) => systemDb.$queryRawUnsafe(sql))));
  await systemDb.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
