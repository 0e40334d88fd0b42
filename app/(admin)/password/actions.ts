"use server";

import { changePasswordSchema } from "@/lib/auth/account-schemas";
import { changePassword } from "@/lib/accounts/users";
import { userAction } from "@/app/_lib/server-action";

export const changePasswordAction = userAction([changePasswordSchema], ({ user }, input) =>
  changePassword(user.id, input),
);
