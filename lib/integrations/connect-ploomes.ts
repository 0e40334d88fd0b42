import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { InvalidBaseUrlError, validateBaseUrl } from "@/lib/ploomes/base-url";
import { attachConnection } from "./attach-connection";
import { connectPloomesSchema, type ConnectPloomesInput } from "./connection-schema";
import { requireIntegration } from "./find-integration";

/** Connects an integration to a Ploomes account with a pasted integration-user key, verified before it is saved. */
export async function connectPloomes(db: ScopedDb, integrationId: string, input: ConnectPloomesInput) {
  const { apiKey, baseUrl } = connectPloomesSchema.parse(input);
  const integration = await requireIntegration(db, integrationId);
  let checkedUrl: string;
  try {
    // A pasted address is called by the server with the key: no private networks here (SSRF); only the
    // built-in sandbox may live on this host.
    checkedUrl = await validateBaseUrl(baseUrl);
  } catch (error) {
    if (!(error instanceof InvalidBaseUrlError)) throw error;
    throw new AppError("VALIDATION", error.message, { fields: { baseUrl: "baseUrlInvalid" } });
  }
  return attachConnection(db, integration, { apiKey, baseUrl: checkedUrl, isSandbox: false });
}
