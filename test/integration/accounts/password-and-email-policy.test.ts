import { describe, expect, it } from "vitest";
import { newUserSchema } from "@/lib/auth/account-schemas";
import { scopedDb } from "@/lib/db/scoped-db";
import { runAction } from "@/lib/http/action-result";
import { createUser } from "@/lib/accounts/users";
import { seedAccount } from "@/test/helpers/seed";

// What an admin meets when adding a user: the same parse-then-create path as createUserAction.
async function addUser(accountId: string, input: { email: string; password: string }) {
  return runAction(() =>
    createUser(scopedDb(accountId), newUserSchema.parse({ name: "Novo Usuário", role: "member", ...input })),
  );
}

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

describe("new passwords", () => {
  it.each([
    ["password", "passwordCommon"],
    ["12345678", "passwordCommon"],
    ["Password1", "passwordCommon"],
    ["senha123", "passwordCommon"],
    ["        ", "passwordBlank"],
    ["\t\t\t\t \n  ", "passwordBlank"],
    ["x".repeat(129), "passwordTooLong"],
    ["curta", "passwordTooShort"],
  ])("refuses %j (%s)", async (password, reason) => {
    const account = await seedAccount("policy");
    const result = await addUser(account.id, { email: uniqueEmail("weak"), password });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fields?.password).toBe(reason);
  });

  it("accepts a long, uncommon password of up to 128 characters", async () => {
    const account = await seedAccount("policy");
    expect(
      (await addUser(account.id, { email: uniqueEmail("ok"), password: "gato azul come pão de queijo às 3h" })).ok,
    ).toBe(true);
    expect((await addUser(account.id, { email: uniqueEmail("ok"), password: `${"ç".repeat(127)}!` })).ok).toBe(true);
  });
});

describe("an e-mail already used", () => {
  it("by another account's user: refused without saying it belongs to a user elsewhere", async () => {
    const other = await seedAccount("other");
    const mine = await seedAccount("mine");
    const result = await addUser(mine.id, { email: other.users[0]!.email, password: "senha-do-membro-1" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields?.email).toBe("emailUnavailable");
    expect(result.message).not.toMatch(/in use|already|account/i);
  });

  it("by a user of the same account: said so, since the admin sees that user anyway", async () => {
    const mine = await seedAccount("mine");
    const result = await addUser(mine.id, { email: mine.users[0]!.email, password: "senha-do-membro-1" });
    expect(result.ok === false && result.fields?.email).toBe("emailTaken");
  });
});
