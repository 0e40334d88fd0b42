import type { ScopedDb } from "@/lib/db/scoped-db";
import { revealWebhookToken } from "./webhook-token";
import { webhookUrl } from "./webhook-url";

/**
 * The full URL of a live integration, for an admin who needs to copy it again (the token is kept encrypted next
 * to its hash). Null for drafts, deactivated integrations and tokens issued before the encrypted copy existed.
 */
export async function revealWebhookUrl(db: ScopedDb, integrationId: string): Promise<string | null> {
  const row = await db.integration.findFirst({
    where: { id: String(integrationId), status: { in: ["active", "paused"] } },
    select: { tokenCipher: true },
  });
  const token = row && revealWebhookToken(row);
  return token ? webhookUrl(token) : null;
}
