import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { secureSqliteFiles } from "./secure-sqlite-files";

const mode = (file: string) => fs.statSync(file).mode & 0o777;
let dir: string;
let previousUmask: number;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-mode-"));
  // The usual umask, under which files are created 0644.
  previousUmask = process.umask(0o022);
});

afterEach(() => {
  process.umask(previousUmask);
  fs.rmSync(dir, { recursive: true, force: true });
});

function openInWal(file: string) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('secret')");
  return db;
}

describe("secureSqliteFiles", () => {
  it("a new database, its -wal and its -shm are created readable by the owner only", () => {
    const file = path.join(dir, "data", "app.db");
    secureSqliteFiles(file);
    const db = openInWal(file);
    try {
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(fs.existsSync(`${file}-shm`)).toBe(true);
      expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      expect(mode(path.dirname(file))).toBe(0o700);
    } finally {
      db.close();
    }
  });

  it("an existing world-readable database (and its -wal, -shm) is tightened on the next start", () => {
    const file = path.join(dir, "app.db");
    const db = openInWal(file);
    expect(mode(file)).toBe(0o644);
    secureSqliteFiles(file);
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    db.close();
  });
});
