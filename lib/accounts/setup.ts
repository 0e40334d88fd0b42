import { hashPassword, assertAcceptablePassword } from "@/lib/auth/password";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// First-run setup: the one-time setup token and the first account with its admin.

export type NewAccount = { accountName: string; name: string; email: string; password: string };

/** Creates an account and its first administrator in one transaction. */
export async function createAccountWithAdmin(input: NewAccount) {
  const email = input.email.trim().toLowerCase();
  if (await systemDb.user.findUnique({ where: { email } })) {
    throw new AppError("CONFLICT", "This e-mail is already in use.", { fields: { email: "taken" } });
  }
  await assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return systemDb.account.create({
    data: {
      name: input.accountName.trim(),
      users: { create: { email, name: input.name.trim(), passwordHash, role: "admin" } },
    },
    include: { users: true },
  });
}

export async function hasAnyUser(): Promise<boolean> {
  return (await systemDb.user.count()) > 0;
}

/** A fresh one-time setup token; older unused ones stop working. Only its hash is stored. */
export async function issueSetupToken(): Promise<string> {
  const token = randomToken(24);
  await systemDb.$transaction([
    systemDb.setupToken.deleteMany({ where: { usedAt: null } }),
    systemDb.setupToken.create({ data: { tokenHash: hashToken(token) } }),
  ]);
  return token;
}

export async function isSetupTokenValid(token: string): Promise<boolean> {
  const row = await systemDb.setupToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return Boolean(row && !row.usedAt) && !(await hasAnyUser());
}

/** Spends the token (at most once, even under concurrent submits) and creates the first account. */
export async function completeSetup(token: string, input: NewAccount) {
  // Before the token is spent: a refused password must leave the link usable.
  await assertAcceptablePassword(input.password);
  const spent = await systemDb.setupToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (spent.count !== 1 || (await hasAnyUser())) {
    throw new AppError("NOT_FOUND", "This setup link is invalid or was already used.");
  }
  return createAccountWithAdmin(input);
}
