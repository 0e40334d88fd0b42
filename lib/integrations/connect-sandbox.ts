import type { ScopedDb } from "@/lib/db/scoped-db";
import { appUrl, env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { validateBaseUrl } from "@/lib/ploomes/base-url";
import { createSandboxTenant, SANDBOX_API_PATH } from "@/lib/ploomes-sandbox";
import { attachConnection } from "./connection";
import { requireIntegration } from "@/lib/integration-model/integration";

/** The address of this app's own sandbox, as the Sandbox page shows it. */
export function sandboxApiUrl(): string {
  return `${appUrl()}${SANDBOX_API_PATH}`;
}

/**
 * One click: a fresh sandbox tenant for the account and a connection to it, checked like any Ploomes key.
 * `sandboxUrl` lets tests point at the sandbox of their own test server.
 */
export async function connectSandbox(db: ScopedDb, integrationId: string, options: { sandboxUrl?: string } = {}) {
  if (!env.SANDBOX_ENABLED)
    throw new AppError("FORBIDDEN", "The sandbox is disabled on this server.", { fields: { _: "sandboxDisabled" } });
  const integration = await requireIntegration(db, integrationId);
  // The sandbox is served by this app, which may well sit on localhost.
  const baseUrl = await validateBaseUrl(options.sandboxUrl ?? sandboxApiUrl(), { allowPrivate: true });
  const { apiKey, tenantId } = await createSandboxTenant({
    accountId: integration.accountId,
    name: `Sandbox – ${integration.name}`,
  });
  return attachConnection(db, integration, { apiKey, baseUrl, isSandbox: true, sandboxTenantId: tenantId });
}
