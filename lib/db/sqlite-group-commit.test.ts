import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FifoLock } from "./serialized-sqlite";
import { groupCommit } from "./sqlite-group-commit";

function setup() {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE "Item" ("key" TEXT PRIMARY KEY, "count" INTEGER NOT NULL)`);
  const lock = new FifoLock();
  const commits: number[] = [];
  const exclusive = <T>(fn: (connection: Database.Database) => T) =>
    lock.run(() => {
      const before = db.prepare("SELECT COUNT(*) AS n FROM Item").get() as { n: number };
      const result = fn(db);
      commits.push((db.prepare("SELECT COUNT(*) AS n FROM Item").get() as { n: number }).n - before.n);
      return result;
    });
  const store = groupCommit(exclusive, (connection, key: string) => {
    if (key === "bad") {
      connection.prepare(`INSERT INTO "Item" VALUES ('half-written', 1)`).run();
      throw new Error("refused");
    }
    const changed = connection
      .prepare(`INSERT INTO "Item" VALUES (?, 1) ON CONFLICT ("key") DO UPDATE SET "count" = "count" + 1`)
      .run(key);
    return changed.changes;
  });
  const rows = () => db.prepare(`SELECT "key", "count" FROM "Item" ORDER BY "key"`).all();
  return { db, store, commits, rows };
}

describe("groupCommit", () => {
  it("commits calls that arrive together in one transaction, each resolving with its own result", async () => {
    const { store, commits, rows } = setup();
    const results = await Promise.all(["a", "b", "a", "c"].map((key) => store(key)));
    expect(results).toEqual([1, 1, 1, 1]);
    expect(commits).toEqual([3]);
    expect(rows()).toEqual([
      { key: "a", count: 2 },
      { key: "b", count: 1 },
      { key: "c", count: 1 },
    ]);
  });

  it("undoes and rejects only the write that throws; the rest of its batch commits", async () => {
    const { store, rows } = setup();
    const results = await Promise.allSettled(["a", "bad", "b"].map((key) => store(key)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(rows()).toEqual([
      { key: "a", count: 1 },
      { key: "b", count: 1 },
    ]);
  });

  it("a call made while a batch is being written goes into the next one", async () => {
    const { store, commits, rows } = setup();
    const first = store("a");
    await first;
    await Promise.all([store("b"), store("c")]);
    expect(commits).toEqual([1, 2]);
    expect(rows()).toHaveLength(3);
  });

  it("splits a burst larger than one batch and still stores every call", async () => {
    const { store, commits, rows } = setup();
    await Promise.all(Array.from({ length: 600 }, (_, index) => store(`k${index}`)));
    expect(rows()).toHaveLength(600);
    expect(commits.length).toBeGreaterThan(1);
    expect(commits.reduce((sum, n) => sum + n, 0)).toBe(600);
  });
});
