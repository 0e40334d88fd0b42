import { setSandboxFaults } from "@/lib/ploomes-sandbox";
import type { Random } from "./seeded-random";
import type { FleetMember } from "./setup-fleet";

// Slow answers come and go: now and then one tenant answers late for a moment — half the time slower than usual
// but in time, half the time past the client's timeout (1.5 s in tests), when a write may land in the sandbox
// after the hub gave up waiting for its answer.
const SLOW_MS = 600;
const PAST_TIMEOUT_MS = 2_000;
const SPIKE_MS = 1_500;
const MAX_SPIKES = 500;

export function startLatencySpikes(fleet: FleetMember[], random: Random, options: { everyMs: number }) {
  const healthy = fleet.filter((member) => !member.doomed);
  let stopped = false;
  let spikes = 0;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped && spikes < MAX_SPIKES) {
      await pause(random.int(options.everyMs / 2, options.everyMs));
      if (stopped) break;
      const member = random.pick(healthy);
      spikes++;
      await setSandboxFaults(member.tenantId, { latencyMs: random.chance(0.5) ? SLOW_MS : PAST_TIMEOUT_MS });
      await pause(SPIKE_MS);
      await setSandboxFaults(member.tenantId, { latencyMs: 0 });
    }
  })();

  return {
    async stop(): Promise<number> {
      stopped = true;
      wake?.();
      await loop;
      await Promise.all(healthy.map((member) => setSandboxFaults(member.tenantId, { latencyMs: 0 })));
      return spikes;
    },
  };
}
