import { env, appUrl } from "@/lib/env";
import { systemDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { createAccountWithAdmin } from "@/lib/accounts/create-account-with-admin";
import { hasAnyUser, issueSetupToken } from "@/lib/auth/setup-token";

/**
 * On start: with ADMIN_EMAIL + ADMIN_PASSWORD, make sure that admin exists; otherwise, while no user exists,
 * print a one-time setup link. The link goes to stdout (not the structured log): it is for the person at the console.
 */
export async function ensureFirstAdmin(): Promise<void> {
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const existing = await systemDb.user.findUnique({ where: { email: env.ADMIN_EMAIL.toLowerCase() } });
    if (!existing) {
      await createAccountWithAdmin({
        accountName: env.ADMIN_ACCOUNT_NAME,
        name: "Administrador",
        email: env.ADMIN_EMAIL,
        password: env.ADMIN_PASSWORD,
      });
      logger.info({ email: env.ADMIN_EMAIL }, "admin created from ADMIN_EMAIL");
    }
    console.log(`\n  Sign in at ${appUrl()}/login as ${env.ADMIN_EMAIL} (password from ADMIN_PASSWORD).\n`);
    return;
  }
  if (await hasAnyUser()) {
    console.log(`\n  Sign in at ${appUrl()}/login\n`);
    return;
  }
  const token = await issueSetupToken();
  console.log(
    [
      "",
      "  ┌──────────────────────────────────────────────────────────────────────",
      "  │ First run: no user exists yet. Open this one-time link to create your",
      "  │ account and its first administrator:",
      "  │",
      `  │   ${appUrl()}/setup/${token}`,
      "  │",
      "  │ (A new link is printed on every start until the first admin exists.)",
      "  └──────────────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}
