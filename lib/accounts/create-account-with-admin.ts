import { systemDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";

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
