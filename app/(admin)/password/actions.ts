"use server";

import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/http/action-result";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/account-schemas";
import { changePassword } from "@/lib/accounts/users";

export async function changePasswordAction(input: ChangePasswordInput) {
  return runAction(async () => {
    const { user } = await requireUser();
    await changePassword(user.id, changePasswordSchema.parse(input));
  });
}
