import type { PloomesConnection } from "@prisma/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import { PloomesClient, type PloomesCallRecord } from "./client";
import { type BudgetShape, createDbPacer, createInteractivePacer, effectiveBurst } from "./db-pacer";

/**
 * Share of the Ploomes budget that look-ups made while an agent waits may use at most, sustained (see db-pacer):
 * 30 calls a minute of 100, a look-up of 3–4 calls every 8 s per Ploomes account, agent after agent; queued chats
 * keep at least the other 70. At 0.2 the agent benchmark's backlog phase lost one card in three to this cap.
 */
export const INTERACTIVE_SHARE = 0.3;
/** Calls of the burst queued work always leaves free for the agent's look-up (it makes at most 4). */
export const INTERACTIVE_RESERVE = 4;
/** Calls the interactive lane may make at once on its own limiter: two agents' look-ups together. */
const INTERACTIVE_OWN_BURST = 2 * INTERACTIVE_RESERVE - 1;

type Options = {
  timeoutMs?: number;
  /** A look-up someone is waiting for: goes first, capped share of the budget, gives up unless a call is free soon. */
  interactive?: { maxWaitMs: number };
};

/** The shape of every Ploomes budget with this configuration: rate, burst (cut to fit Ploomes' limit), reserve. */
export function budgetShape(): BudgetShape {
  const perMinute = env.PLOOMES_BUDGET_PER_MINUTE;
  const burst = effectiveBurst(perMinute, env.PLOOMES_BURST, env.PLOOMES_RATE_LIMIT_PER_MINUTE);
  return { perMinute, burst, reserve: Math.min(INTERACTIVE_RESERVE, burst) };
}

/**
 * The Ploomes client of a stored connection: its base URL, its decrypted key, and the pacing budget shared by
 * every process that uses the same Ploomes account (keyed by the key's hash).
 */
export function connectionClient(
  connection: Pick<PloomesConnection, "baseUrl" | "apiKeyCipher" | "budgetKey" | "isSandbox">,
  recorder?: (call: PloomesCallRecord) => void,
  options: Options = {},
): PloomesClient {
  const shape = budgetShape();
  const pacer = options.interactive
    ? createInteractivePacer({
        key: connection.budgetKey,
        ...shape,
        share: INTERACTIVE_SHARE,
        ownBurst: INTERACTIVE_OWN_BURST,
        maxWaitMs: options.interactive.maxWaitMs,
      })
    : createDbPacer({ key: connection.budgetKey, ...shape });
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
