// Fault injection: a tenant can ask for a share of its requests to fail the way Ploomes fails under load, to
// exercise retries — by rates (draws independent per request), or by a schedule that answers its next requests
// in arrival order, so that a test meets the same faults on every run.

export type FaultSettings = { errorRate: number; rateLimitRate: number };
export type Fault = "server_error" | "rate_limited";

/** The fault to answer this request with, if any; `random` returns a number in [0, 1). */
export function pickFault(settings: FaultSettings, random: () => number = Math.random): Fault | null {
  if (settings.rateLimitRate > 0 && random() < settings.rateLimitRate) return "rate_limited";
  if (settings.errorRate > 0 && random() < settings.errorRate) return "server_error";
  return null;
}

export type ScheduledAnswer = "500" | "429" | "ok";

export const FAULT_OF: Record<ScheduledAnswer, Fault | null> = { "500": "server_error", "429": "rate_limited", ok: null };

/**
 * A schedule of `length` answers drawn with the rates from `random` (a seeded generator: the same seed, the same
 * schedule), for `setSandboxFaults({ schedule })`.
 */
export function faultSchedule(settings: FaultSettings, length: number, random: () => number): ScheduledAnswer[] {
  return Array.from({ length }, () => {
    const fault = pickFault(settings, random);
    return fault === "server_error" ? "500" : fault === "rate_limited" ? "429" : "ok";
  });
}

