import { forbidden, redirect } from "next/navigation";
import { scopedDb } from "@/lib/db/scoped-db";
import { currentUser, type Role } from "./current-user";

/** For pages: the signed-in user and their scoped db, or a redirect to sign-in / the 403 screen. */
export async function requirePageUser(options: { role?: Role } = {}) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (options.role === "admin" && user.role !== "admin") forbidden();
  return { user, db: scopedDb(user.accountId) };
}
