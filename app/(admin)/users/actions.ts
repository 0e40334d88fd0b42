"use server";

import { revalidatePath } from "next/cache";
import { newUserSchema, roleChangeSchema } from "@/lib/auth/account-schemas";
import { changeRole, removeUser, createUser } from "@/lib/accounts/users";
import { z } from "zod";
import { adminAction, recordId } from "@/app/_lib/server-action";

const changed = { onSuccess: () => revalidatePath("/users") };

export const createUserAction = adminAction([newUserSchema], ({ db }, input) => createUser(db, input), changed);

export const changeRoleAction = adminAction(
  // The role comes from a <select>: any string in, "admin" | "member" out.
  [roleChangeSchema.shape.userId, z.string().pipe(roleChangeSchema.shape.role)],
  ({ db }, userId, role) => changeRole(db, userId, role),
  changed,
);

export const removeUserAction = adminAction(
  [recordId],
  ({ db, user }, userId) => removeUser(db, userId, user.id),
  changed,
);
