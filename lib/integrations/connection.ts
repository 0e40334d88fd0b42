import { encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import type { IntegrationView } from "@/lib/integration-model/integration";
import { furthestStep, parseWizardStep } from "@/lib/integration-model/wizard-steps";
import { ploomesAppError } from "@/lib/ploomes/app-error";
import type { PloomesClient } from "@/lib/ploomes/client";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { clearMetadata } from "@/lib/ploomes/metadata";

// The Ploomes connection of an integration: a verified key attached, and the client it gives.

/** `sandboxTenantId`: the tenant created for this connection ("Usar o sandbox"), discarded with its draft. */
type VerifiedKey = { apiKey: string; baseUrl: string; isSandbox: boolean; sandboxTenantId?: string | null };

/**
 * Checks the key against Ploomes and only then stores it (encrypted) as the integration's connection. A refused
 * key or an unreachable address throws before anything is written. Changing the key of an existing connection
 * drops its cached funnels and fields: the new key may belong to another Ploomes account.
 */
export async function attachConnection(db: ScopedDb, integration: IntegrationView, input: VerifiedKey) {
  const apiKeyCipher = encryptSecret(input.apiKey);
  const budgetKey = hashToken(input.apiKey);
  let accountName: string | null;
  try {
    const account = await connectionClient({
      baseUrl: input.baseUrl,
      apiKeyCipher,
      budgetKey,
      isSandbox: input.isSandbox,
    }).verifyKey();
    accountName = account.Name ?? null;
  } catch (error) {
    throw ploomesAppError(error);
  }

  const data = {
    name: accountName ?? "Ploomes",
    baseUrl: input.baseUrl,
    apiKeyCipher,
    apiKeyLast4: input.apiKey.slice(-4),
    budgetKey,
    isSandbox: input.isSandbox,
    sandboxTenantId: input.sandboxTenantId ?? null,
    ploomesAccountName: accountName,
    verifiedAt: new Date(),
  };
  const select = { id: true, apiKeyLast4: true, ploomesAccountName: true, isSandbox: true, baseUrl: true };
  const connection = integration.connectionId
    ? await db.ploomesConnection.update({ where: { id: integration.connectionId }, data, select })
    : await db.ploomesConnection.create({ data: { ...data, accountId: integration.accountId }, select });
  if (integration.connectionId) await clearMetadata(integration.connectionId);

  await db.integration.update({
    where: { id: integration.id },
    data: {
      connectionId: connection.id,
      wizardStep: furthestStep(parseWizardStep(integration.wizardStep), "behaviour"),
      flaggedReason: null,
      flaggedAt: null,
    },
  });
  return connection;
}

/** The Ploomes client of an integration of the scoped account; the key is decrypted server-side only. */
export async function integrationClient(
  db: ScopedDb,
  integrationId: string,
): Promise<{ connectionId: string; client: PloomesClient }> {
  const row = await db.integration.findFirst({ where: { id: String(integrationId) }, select: { connection: true } });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  if (!row.connection) {
    throw new AppError("CONFLICT", "The integration has no Ploomes connection yet.", {
      fields: { _: "connectionRequired" },
    });
  }
  return { connectionId: row.connection.id, client: connectionClient(row.connection) };
}
