import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { authOptions } from "./auth-options";

// The signed-in user, for server actions (requireUser/requireAdmin) and pages (requirePageUser).

export type Role = "admin" | "member";

/** The signed-in user with their account, or null. Cached per request. */
export const currentUser = cache(async () => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await systemDb.user.findUnique({ where: { id: session.userId }, include: { account: true } });
  // A token issued before the last sign-out, password or role change is no longer a session.
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { ...user, role: user.role as Role };
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

/**
 * The entry point of every user-facing data access: the user plus a database client scoped to their account.
 * Throws UNAUTHENTICATED / FORBIDDEN; pages turn those into a redirect or a 403 screen.
 */
export async function requireUser(options: { role?: Role } = {}) {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (options.role === "admin" && user.role !== "admin") {
    throw new AppError("FORBIDDEN", "Only administrators can do this.");
  }
  return { user, db: scopedDb(user.accountId) };
}

export function requireAdmin() {
  return requireUser({ role: "admin" });
}

/** For pages: the signed-in user and their scoped db, or a redirect to sign-in / the 403 screen. */
export async function requirePageUser(options: { role?: Role } = {}) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (options.role === "admin" && user.role !== "admin") forbidden();
  return { user, db: scopedDb(user.accountId) };
}
