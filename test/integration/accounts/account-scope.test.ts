import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAccountWithAdmin } from "@/lib/accounts/setup";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { changeRole, removeUser, createUser } from "@/lib/accounts/users";

async function account(label: string) {
  const id = randomBytes(4).toString("hex");
  return createAccountWithAdmin({
    accountName: `${label} ${id}`,
    name: "Admin",
    email: `${label}-${id}@example.com`,
    password: "senha-segura-123",
  });
}

describe("account scope", () => {
  it("reads, updates and deletes only the account's own rows", async () => {
    const a = await account("a");
    const b = await account("b");
    const dbA = scopedDb(a.id);
    const bAdmin = b.users[0]!;

    expect((await dbA.user.findMany()).map((user) => user.accountId)).toEqual([a.id]);
    expect(await dbA.user.findFirst({ where: { id: bAdmin.id } })).toBeNull();
    expect(await dbA.user.findUnique({ where: { id: bAdmin.id } })).toBeNull();
    expect((await dbA.user.updateMany({ where: { id: bAdmin.id }, data: { name: "hijacked" } })).count).toBe(0);
    await expect(changeRole(dbA, bAdmin.id, "member")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeUser(dbA, bAdmin.id, a.users[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await systemDb.user.findUnique({ where: { id: bAdmin.id } }))?.role).toBe("admin");
  });

  it("stamps creates with the account and refuses models that are not account-scoped", async () => {
    const a = await account("c");
    const dbA = scopedDb(a.id);
    const member = await createUser(dbA, {
      name: "Membro",
      email: `m-${a.id}@example.com`,
      role: "member",
      password: "senha-segura-123",
    });
    expect((await systemDb.user.findUnique({ where: { id: member.id } }))?.accountId).toBe(a.id);
    await expect(dbA.job.findMany()).rejects.toThrow(/not account-scoped/);
    await expect(dbA.user.updateMany({ data: { accountId: "other" } as never })).rejects.toThrow(/cannot be changed/);
  });

  it("keeps at least one admin and rejects duplicate e-mails", async () => {
    const a = await account("d");
    const dbA = scopedDb(a.id);
    await expect(changeRole(dbA, a.users[0]!.id, "member")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      createUser(dbA, { name: "Dup", email: a.users[0]!.email, role: "member", password: "senha-segura-123" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
