"use server";

import { changePasswordSchema } from "@/lib/accounts/account-schemas";
import { userAction } from "@/app/_lib/server-action";
import { changePassword } from "@/lib/users/change-password";

export const changePasswordAction = userAction([changePasswordSchema], ({ user }, input) => changePassword(user.id, input));
