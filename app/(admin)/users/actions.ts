"use server";

import { revalidatePath } from "next/cache";
import { newUserSchema, roleChangeSchema, type NewUserInput } from "@/lib/auth/account-schemas";
import { requireAdmin } from "@/lib/auth/current-user";
import { runAction } from "@/lib/http/action-result";
import { changeRole, removeUser, createUser } from "@/lib/accounts/users";

export async function createUserAction(input: NewUserInput) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const user = await createUser(db, newUserSchema.parse(input));
    revalidatePath("/users");
    return user;
  });
}

export async function changeRoleAction(userId: string, role: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const parsed = roleChangeSchema.parse({ userId, role });
    await changeRole(db, parsed.userId, parsed.role);
    revalidatePath("/users");
  });
}

export async function removeUserAction(userId: string) {
  return runAction(async () => {
    const { db, user } = await requireAdmin();
    await removeUser(db, String(userId), user.id);
    revalidatePath("/users");
  });
}
