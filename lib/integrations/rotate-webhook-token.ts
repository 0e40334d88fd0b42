import type { ScopedDb } from "@/lib/db/scoped-db";
import { changeIntegrationStatus } from "./change-integration-status";
import { newWebhookToken } from "./webhook-token";
import { webhookUrl } from "./webhook-url";

/** "Gerar nova URL": the old URL answers 404 from this moment on; the new one is returned once. */
export async function rotateWebhookToken(db: ScopedDb, integrationId: string): Promise<{ webhookUrl: string }> {
  const { token, tokenHash, tokenCipher, tokenHint } = newWebhookToken();
  await changeIntegrationStatus(db, integrationId, ["active", "paused"], { tokenHash, tokenCipher, tokenHint });
  return { webhookUrl: webhookUrl(token) };
}
