import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";

/** Changes a user's role; the account always keeps at least one admin. */
export async function changeRole(db: ScopedDb, userId: string, role: "admin" | "member") {
  const user = await db.user.findFirst({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { _: "userNotFound" } });
  if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(db, userId);
  // Sessions issued under the old role end: the user signs in again as what they now are.
  if (user.role !== role) await db.user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
}

export async function removeUser(db: ScopedDb, userId: string, actingUserId: string) {
  if (userId === actingUserId) throw new AppError("BAD_REQUEST", "You cannot remove yourself.", { fields: { _: "cannotRemoveSelf" } });
  const user = await db.user.findFirst({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.", { fields: { _: "userNotFound" } });
  if (user.role === "admin") await assertAnotherAdmin(db, userId);
  // Removing the user ends their sessions too: no row, no session (current-user.ts).
  await db.user.deleteMany({ where: { id: userId } });
}

async function assertAnotherAdmin(db: ScopedDb, userId: string) {
  const others = await db.user.count({ where: { role: "admin", id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "The account needs at least one administrator.", { fields: { _: "lastAdmin" } });
}
