import type { ScopedDb } from "@/lib/db/scoped-db";
import { changeIntegrationStatus } from "./change-integration-status";
import { requireIntegration } from "./find-integration";
import { readySettings } from "./ready-settings";
import { newWebhookToken } from "./webhook-token";
import { webhookUrl } from "./webhook-url";

/**
 * Turns a finished draft (or a deactivated integration) on with a new webhook URL. Only the token's hash is
 * stored, so the URL returned here is the one moment it can be read in full; later it shows masked with its hint,
 * and "Gerar nova URL" issues a new one.
 */
export async function activateIntegration(db: ScopedDb, integrationId: string): Promise<{ webhookUrl: string }> {
  const integration = await requireIntegration(db, integrationId);
  const settings = readySettings(integration);
  const { token, tokenHash, tokenCipher, tokenHint } = newWebhookToken();
  await changeIntegrationStatus(db, integration.id, ["draft", "inactive"], {
    status: "active",
    tokenHash,
    tokenCipher,
    tokenHint,
    activatedAt: new Date(),
    wizardStep: "activate",
    // Stored as parsed: the worker reads exactly what was validated here.
    settings: JSON.stringify(settings),
    flaggedReason: null,
    flaggedAt: null,
  });
  return { webhookUrl: webhookUrl(token) };
}
