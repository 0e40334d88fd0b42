import type { ChangePasswordInput } from "@/lib/accounts/account-schemas";
import { recordFailure, recordSuccess, reserveAttempt } from "@/lib/auth/login-throttle";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/**
 * A signed-in user sets a new password, proving the current one (a borrowed session alone cannot take the account
 * over). The check is throttled like sign-in, and every session of the user ends, this one included.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
  const keys = [{ key: `pwchange:${userId}`, limit: env.LOGIN_MAX_FAILURES }];
  if (!(await reserveAttempt(keys))) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords: try again later.", { fields: { currentPassword: "tooManyAttempts" } });
  }
  const user = await systemDb.user.findUnique({ where: { id: userId } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailure(keys);
    throw new AppError("VALIDATION", "The current password is wrong.", { fields: { currentPassword: "currentPasswordWrong" } });
  }
  await recordSuccess(keys);
  await assertAcceptablePassword(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword) {
    throw new AppError("VALIDATION", "The new password is the current one.", { fields: { newPassword: "passwordUnchanged" } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await systemDb.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1) throw new AppError("CONFLICT", "The password was changed meanwhile: sign in again.", { fields: { _: "passwordChangedMeanwhile" } });
}
