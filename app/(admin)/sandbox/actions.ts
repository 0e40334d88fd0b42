"use server";

import { adminAction } from "@/app/_lib/server-action";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { createSandboxTenant } from "@/lib/ploomes-sandbox";

/**
 * Creates a sandbox for the admin's account and hands its key back once. No revalidation here: the page shows
 * the key until the admin moves on, which a re-render would take away.
 */
export const createSandboxAction = adminAction([], async ({ user }) => {
  if (!env.SANDBOX_ENABLED)
    throw new AppError("NOT_FOUND", "The sandbox is disabled on this server.", { fields: { _: "sandboxDisabled" } });
  return createSandboxTenant({ accountId: user.accountId, name: `Sandbox – ${user.account.name}` });
});
