import { toAppError } from "@/lib/errors/app-error";
import { createSandboxTenant, SANDBOX_API_PATH } from "@/lib/ploomes-sandbox";
import { scopedDb } from "@/lib/db/scoped-db";
import { connectPloomes } from "@/lib/integrations/connect-ploomes";
import { createIntegration } from "@/lib/integrations/lifecycle";
import { seedAccount } from "@/test/helpers/seed";

/** An account with a draft integration, as an admin's scoped db sees it. */
export async function draftIntegration(label = "int") {
  const account = await seedAccount(label);
  const db = scopedDb(account.id);
  const { id } = await createIntegration(db, account.id);
  return { account, db, id };
}

/** A draft connected (through the real verification) to a fresh sandbox tenant on the test server. */
export async function connectedDraft(serverUrl: string, label = "int") {
  const draft = await draftIntegration(label);
  const { apiKey } = await createSandboxTenant({ accountId: draft.account.id, name: `Ploomes ${label}` });
  const connection = await connectPloomes(draft.db, draft.id, { apiKey, baseUrl: `${serverUrl}${SANDBOX_API_PATH}` });
  return { ...draft, apiKey, connection };
}

/** The error a rejected call turns into for the screens (zod errors become VALIDATION with field paths). */
export async function appErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!error) throw new Error("expected the call to fail");
  return toAppError(error) ?? error;
}
