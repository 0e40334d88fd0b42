import fs from "node:fs";
import path from "node:path";

/**
 * The SQLite file holds every account's data (encrypted keys, chats' personal data): readable by its owner only,
 * like data/secrets.json. Created 0600 before SQLite or Prisma open it — SQLite gives its -wal and -shm files the
 * database file's mode — and tightened if an older install left them 0644.
 */
export function secureSqliteFiles(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((fs.statSync(candidate).mode & 0o077) !== 0) fs.chmodSync(candidate, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
