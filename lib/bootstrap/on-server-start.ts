import { createAccountWithAdmin, hasAnyUser, issueSetupToken } from "@/lib/accounts/setup";
import { recordSocketAddress } from "@/lib/auth/client-address";
import { systemDb } from "@/lib/db/client";
import { env, appUrl } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startSyncWorker } from "@/lib/worker/start-sync-worker";

// What the web server starts: the socket-address recorder, the first admin (or its setup link) and the in-process
// worker.

let started = false;

/** Once per web process: first-run bootstrap, then the in-process worker (unless WORKER_ENABLED=false). */
export async function onServerStart(): Promise<void> {
  if (started) return;
  started = true;
  // First: the sign-in throttle's per-IP key comes from it (a request queued while the server was starting has
  // none, and is throttled per e-mail only).
  recordSocketAddress();
  try {
    await ensureFirstAdmin();
  } catch (error) {
    logger.error({ err: error }, "first-run bootstrap failed");
  }
  if (!env.WORKER_ENABLED) return;
  const worker = startSyncWorker();
  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stopping the worker");
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

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
