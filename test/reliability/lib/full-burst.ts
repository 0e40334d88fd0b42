import { burstSize } from "./burst-size";
import type { Scenario } from "./run-scenario";

/**
 * The full suite's burst, the same whatever crashes around it: 10 % re-delivered, a fifth of Ploomes calls
 * failing, 429s, latency spikes, and one account in eleven with a refused key.
 */
export function fullBurst(name: string, timeoutMs = 50 * 60_000): Scenario {
  return {
    name,
    events: burstSize(),
    duplicateRate: 0.1,
    healthy: 10,
    doomed: 1,
    doomedShare: 0.02,
    faults: { errorRate: 0.2, rateLimitRate: 0.02 },
    spikeEveryMs: 1_000,
    senders: 16,
    timeoutMs,
  };
}
