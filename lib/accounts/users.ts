import { Prisma } from "@prisma/client";
import type { NewUserInput, ChangePasswordInput } from "@/lib/auth/account-schemas";
import { recordFailure, recordSuccess, reserveAttempt } from "@/lib/auth/login-throttle";
import { hashPassword, assertAcceptablePassword, verifyPassword } from "@/lib/auth/password";
import { systemDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

// The users of an account: created by an admin, role changes and removal, and one's own password change.

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
        throw new AppError("CONFLICT", "A user of this account already has this e-mail.", {
          fields: { email: "emailTaken" },
        });
      }
      throw new AppError("CONFLICT", "This e-mail cannot be used.", { fields: { email: "emailUnavailable" } });
    }
    throw error;
  }
}

/** Changes a user's role; the account always keeps at least one admin. */
export async function changeRole(db: ScopedDb, userId: string, role: "admin" | "member") {
  const user = await db.user.findFirst({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { _: "userNotFound" } });
  if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(db, userId);
  // Sessions issued under the old role end: the user signs in again as what they now are.
  if (user.role !== role)
    await db.user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
}

export async function removeUser(db: ScopedDb, userId: string, actingUserId: string) {
  if (userId === actingUserId)
    throw new AppError("BAD_REQUEST", "You cannot remove yourself.", { fields: { _: "cannotRemoveSelf" } });
  const user = await db.user.findFirst({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { _: "userNotFound" } });
  if (user.role === "admin") await assertAnotherAdmin(db, userId);
  // Removing the user ends their sessions too: no row, no session (current-user.ts).
  await db.user.deleteMany({ where: { id: userId } });
}

async function assertAnotherAdmin(db: ScopedDb, userId: string) {
  const others = await db.user.count({ where: { role: "admin", id: { not: userId } } });
  if (others === 0)
    throw new AppError("CONFLICT", "The account needs at least one administrator.", { fields: { _: "lastAdmin" } });
}

/**
 * A signed-in user sets a new password, proving the current one (a borrowed session alone cannot take the account
 * over). The check is throttled like sign-in, and every session of the user ends, this one included.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
  const keys = [{ key: `pwchange:${userId}`, limit: env.LOGIN_MAX_FAILURES }];
  if (!(await reserveAttempt(keys))) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords: try again later.", {
      fields: { currentPassword: "tooManyAttempts" },
    });
  }
  const user = await systemDb.user.findUnique({ where: { id: userId } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailure(keys);
    throw new AppError("VALIDATION", "The current password is wrong.", {
      fields: { currentPassword: "currentPasswordWrong" },
    });
  }
  await recordSuccess(keys);
  await assertAcceptablePassword(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword) {
    throw new AppError("VALIDATION", "The new password is the current one.", {
      fields: { newPassword: "passwordUnchanged" },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await systemDb.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1)
    throw new AppError("CONFLICT", "The password was changed meanwhile: sign in again.", {
      fields: { _: "passwordChangedMeanwhile" },
    });
}
