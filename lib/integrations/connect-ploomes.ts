import { hashToken } from "@/lib/crypto/tokens";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { InvalidBaseUrlError, validateBaseUrl } from "@/lib/ploomes/base-url";
import { attachConnection } from "./connection";
import { sandboxApiUrl } from "./connect-sandbox";
import { connectPloomesSchema, type ConnectPloomesInput } from "./form-schemas";
import { requireIntegration } from "@/lib/integration-model/integration";

/** `https://Host/a/` and `https://host/a` are one address; null when it is not a URL at all. */
function addressOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/**
 * Connects an integration to a Ploomes account with a pasted integration-user key, verified before it is saved.
 * The address the Sandbox page shows (this app's own sandbox) is accepted like "Usar o sandbox" is, with a key of
 * one of the account's sandboxes; any other private address stays refused in production.
 */
export async function connectPloomes(db: ScopedDb, integrationId: string, input: ConnectPloomesInput) {
  const { apiKey, baseUrl } = connectPloomesSchema.parse(input);
  const integration = await requireIntegration(db, integrationId);
  const ownSandbox =
    env.SANDBOX_ENABLED && addressOf(baseUrl) !== null && addressOf(baseUrl) === addressOf(sandboxApiUrl());
  let checkedUrl: string;
  try {
    // A pasted address is called by the server with the key: no private networks here (SSRF); only the
    // built-in sandbox may live on this host.
    checkedUrl = await validateBaseUrl(baseUrl, { allowPrivate: ownSandbox });
  } catch (error) {
    if (!(error instanceof InvalidBaseUrlError)) throw error;
    throw new AppError("VALIDATION", error.message, { fields: { baseUrl: "baseUrlInvalid" } });
  }
  if (
    ownSandbox &&
    !(await db.sandboxTenant.findFirst({ where: { apiKeyHash: hashToken(apiKey) }, select: { id: true } }))
  ) {
    throw new AppError("VALIDATION", "This key is not one of this account's sandboxes.", {
      fields: { apiKey: "sandboxKeyForeign" },
    });
  }
  return attachConnection(db, integration, { apiKey, baseUrl: checkedUrl, isSandbox: ownSandbox });
}
