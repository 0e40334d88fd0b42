import { Prisma } from "@prisma/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import type { NewUserInput } from "@/lib/accounts/account-schemas";

/** An admin creates a user of their own account with an initial password they hand over. */
export async function createUser(db: ScopedDb, input: NewUserInput) {
  await assertAcceptablePassword(input.password);
  try {
    return await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      } as Prisma.UserUncheckedCreateInput,
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // E-mails are unique across accounts, but one account must not learn who another account's users are:
      // only a user of the admin's own account is named as such.
      if (await db.user.findFirst({ where: { email: input.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", "A user of this account already has this e-mail.", { fields: { email: "emailTaken" } });
      }
      throw new AppError("CONFLICT", "This e-mail cannot be used.", { fields: { email: "emailUnavailable" } });
    }
    throw error;
  }
}
