"use server";

import { requireAdmin } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { runAction } from "@/lib/http/action-result";
import { createSandboxTenant } from "@/lib/ploomes-sandbox";

/**
 * Creates a sandbox for the admin's account and hands its key back once. No revalidation here: the page shows
 * the key until the admin moves on, which a re-render would take away.
 */
export async function createSandboxAction() {
  return runAction(async () => {
    const { user } = await requireAdmin();
    if (!env.SANDBOX_ENABLED) throw new AppError("NOT_FOUND", "The sandbox is disabled on this server.");
    return createSandboxTenant({ accountId: user.accountId, name: `Sandbox – ${user.account.name}` });
  });
}
