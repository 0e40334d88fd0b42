import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";

// Raw statements, which Prisma sends without a transaction of their own. On SQLite the process has one connection; these hold on PostgreSQL by nature and on SQLite because every query
// outside a transaction waits for it (lib/db/serialized-sqlite.ts) instead of running inside it.

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a transaction in progress", () => {
  it("does not take along, when it rolls back, a write made outside it meanwhile", async () => {
    const inside = randomUUID();
    const outside = randomUUID();
    let written: Promise<unknown> = Promise.resolve();
    const failed = systemDb
      .$transaction(async (tx) => {
        await tx.account.create({ data: { id: inside, name: "inside" } });
        written = systemDb.$executeRaw`INSERT INTO "Account" ("id", "name") VALUES (${outside}, 'outside')`;
        await nextTick();
        throw new Error("rolled back on purpose");
      })
      .catch((error: Error) => error.message);

    expect(await failed).toBe("rolled back on purpose");
    await written;
    expect(await systemDb.account.findUnique({ where: { id: inside } })).toBeNull();
    expect(await systemDb.account.findUnique({ where: { id: outside } })).not.toBeNull();
  });

  it("is not visible to a read made outside it before it commits", async () => {
    const id = randomUUID();
    let seen: Promise<unknown> = Promise.resolve("not read");
    await systemDb
      .$transaction(async (tx) => {
        await tx.account.create({ data: { id, name: "uncommitted" } });
        seen = systemDb.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Account" WHERE "id" = ${id}`.then(
          (rows) => rows[0] ?? null,
        );
        await nextTick();
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);
    expect(await seen).toBeNull();
  });

  it("commits with the writes it made, while others queue behind it", async () => {
    const ids = [randomUUID(), randomUUID()];
    const outside = randomUUID();
    let written: Promise<unknown> = Promise.resolve();
    await systemDb.$transaction(async (tx) => {
      await tx.account.create({ data: { id: ids[0]!, name: "first" } });
      written = systemDb.$executeRaw`INSERT INTO "Account" ("id", "name") VALUES (${outside}, 'outside')`;
      await nextTick();
      await tx.account.create({ data: { id: ids[1]!, name: "second" } });
    });
    await written;
    expect(await systemDb.account.count({ where: { id: { in: [...ids, outside] } } })).toBe(3);
  });
});
