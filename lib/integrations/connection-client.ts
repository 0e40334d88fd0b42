import type { PloomesConnection } from "@prisma/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { PloomesClient, type PloomesCallRecord } from "@/lib/ploomes/client";
import { createDbPacer, createInteractivePacer } from "@/lib/ploomes/db-pacer";

/** Share of the Ploomes budget that look-ups made while an agent waits may use at most (see db-pacer). */
export const INTERACTIVE_SHARE = 0.2;

type Options = {
  timeoutMs?: number;
  /** A look-up someone is waiting for: capped share of the budget, gives up unless a slot is free soon. */
  interactive?: { maxWaitMs: number };
};

/**
 * The Ploomes client of a stored connection: its base URL, its decrypted key, and the pacing budget shared by
 * every process that uses the same Ploomes account (keyed by the key's hash).
 */
export function connectionClient(
  connection: Pick<PloomesConnection, "baseUrl" | "apiKeyCipher" | "budgetKey" | "isSandbox">,
  recorder?: (call: PloomesCallRecord) => void,
  options: Options = {},
): PloomesClient {
  const perMinute = env.PLOOMES_BUDGET_PER_MINUTE;
  const pacer = options.interactive
    ? createInteractivePacer({ key: connection.budgetKey, perMinute, share: INTERACTIVE_SHARE, maxWaitMs: options.interactive.maxWaitMs })
    : createDbPacer({ key: connection.budgetKey, perMinute });
  return new PloomesClient({
    baseUrl: connection.baseUrl,
    apiKey: decryptSecret(connection.apiKeyCipher),
    pacer,
    recorder,
    timeoutMs: options.timeoutMs,
    // The app's own sandbox lives on this host; any other connection stays off private networks.
    allowPrivate: connection.isSandbox,
  });
}
