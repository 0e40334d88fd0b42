import type { PloomesConnection } from "@prisma/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { PloomesClient, type PloomesCallRecord } from "@/lib/ploomes/client";
import { createDbPacer } from "@/lib/ploomes/db-pacer";

/**
 * The Ploomes client of a stored connection: its base URL, its decrypted key, and the pacing budget shared by
 * every process that uses the same Ploomes account (keyed by the key's hash).
 */
export function connectionClient(
  connection: Pick<PloomesConnection, "baseUrl" | "apiKeyCipher" | "budgetKey">,
  recorder?: (call: PloomesCallRecord) => void,
  options: { timeoutMs?: number } = {},
): PloomesClient {
  return new PloomesClient({
    baseUrl: connection.baseUrl,
    apiKey: decryptSecret(connection.apiKeyCipher),
    pacer: createDbPacer({ key: connection.budgetKey, perMinute: env.PLOOMES_BUDGET_PER_MINUTE }),
    recorder,
    timeoutMs: options.timeoutMs,
  });
}
