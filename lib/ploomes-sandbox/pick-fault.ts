// Fault injection: a tenant can ask for a share of its requests to fail the way Ploomes fails under load, to
// exercise retries. Draws are independent per request.

export type FaultSettings = { errorRate: number; rateLimitRate: number };
export type Fault = "server_error" | "rate_limited";

/** The fault to answer this request with, if any; `random` returns a number in [0, 1). */
export function pickFault(settings: FaultSettings, random: () => number = Math.random): Fault | null {
  if (settings.rateLimitRate > 0 && random() < settings.rateLimitRate) return "rate_limited";
  if (settings.errorRate > 0 && random() < settings.errorRate) return "server_error";
  return null;
}
