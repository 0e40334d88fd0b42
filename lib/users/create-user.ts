import { Prisma } from "@prisma/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "@/lib/auth/password";
import type { NewUserInput } from "@/lib/accounts/account-schemas";

/** An admin creates a user of their own account with an initial password they hand over. */
export async function createUser(db: ScopedDb, input: NewUserInput) {
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
      throw new AppError("CONFLICT", "This e-mail is already in use.", { fields: { email: "emailTaken" } });
    }
    throw error;
  }
}
