import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { sqliteExclusive, systemDb } from "@/lib/db/client";
import { prepared } from "@/lib/db/serialized-sqlite";
import { appUrl } from "@/lib/env";

// The webhook token of an integration: issued, stored as a hash and a cipher, looked up, and its URL.

// The webhook URL's secret: 192 random bits, URL-safe. Only its sha256 is stored, so the URL cannot be read back
// from the database; looking up by the hash of what arrives compares no secret byte by byte.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export function newWebhookToken(): { token: string; tokenHash: string; tokenCipher: string; tokenHint: string } {
  const token = randomToken(24);
  return { token, tokenHash: hashToken(token), tokenCipher: encryptSecret(token), tokenHint: token.slice(-4) };
}

/** The plain token of an integration, for an admin who copies the URL again or sends a test event. */
export function revealWebhookToken(integration: { tokenCipher: string | null }): string | null {
  return integration.tokenCipher ? decryptSecret(integration.tokenCipher) : null;
}

export type TokenIntegration = {
  id: string;
  accountId: string;
  status: string;
  settings: string;
  connectionId: string | null;
};

/**
 * The integration a webhook token belongs to, or null for a malformed, unknown or rotated-out token. Raw SQL:
 * this runs on every JivoChat delivery.
 */
export async function findIntegrationByToken(token: string): Promise<TokenIntegration | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  if (sqliteExclusive) {
    const sql = `SELECT "id", "accountId", "status", "settings", "connectionId" FROM "Integration" WHERE "tokenHash" = ?`;
    return sqliteExclusive((db) => prepared<TokenIntegration>(db, sql).get(hashToken(token)) ?? null);
  }
  const rows = await systemDb.$queryRaw<TokenIntegration[]>`
    SELECT "id", "accountId", "status", "settings", "connectionId" FROM "Integration" WHERE "tokenHash" = ${hashToken(token)}`;
  return rows[0] ?? null;
}

/** The address JivoChat posts to; the token in it is the only credential, so it is shown, never logged. */
export function webhookUrl(token: string): string {
  return `${appUrl()}/api/webhooks/jivo/${token}`;
}
