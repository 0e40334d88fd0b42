import type { SandboxFaults } from "@/lib/ploomes-sandbox";
import { computeLedger, type Ledger } from "./compute-ledger";
import { startLatencySpikes } from "./latency-spikes";
import { planBurst } from "./plan-burst";
import { runSeed, seededRandom } from "./seeded-random";
import { newDeliveryLog, sendBurst } from "./send-burst";
import { type FleetMember, setupFleet } from "./setup-fleet";
import { strikeOnProgress } from "./strike-on-progress";
import { queueState, waitForQueue } from "./wait-for-queue";
import { writeFigures } from "./write-figures";

/** What receives the webhooks, serves the sandbox and works the queue; the scenario starts, crashes and stops it. */
export type Host = {
  /** Base URL of the receiver and the sandbox (up whenever the fleet is set up). */
  url: string;
  /** Base URLs deliveries are dealt between once started (default: `url` alone). */
  receivers?: string[];
  /** Starts whatever works the queue. */
  start(): Promise<void>;
  /** A SIGKILL and a restart; the receiver may be down for a moment (deliveries are then re-sent). */
  crash?: { times: number; strike(index: number): Promise<void>; dropsDeliveries: boolean };
  stop(): Promise<void>;
};

export type Scenario = {
  name: string;
  /** Unique JivoChat events, and the share re-delivered on top of them. */
  events: number;
  duplicateRate: number;
  /** Accounts with a working sandbox (each its own budget), and with a refused key. */
  healthy: number;
  doomed: number;
  doomedShare: number;
  faults: SandboxFaults;
  /** Mean gap between latency spikes; 0 for none. */
  spikeEveryMs: number;
  /** Whether some ignored events are chat_accepted (the receiver then asks Ploomes about the visitor). */
  agentLookups?: boolean;
  senders: number;
  timeoutMs: number;
  /** The run's seed unless RELIABILITY_SEED says otherwise; unset, a fresh one each run. */
  seed?: number;
};

export type ScenarioResult = Ledger & {
  seed: number;
  /** Chats of returning visitors that arrived together with their other chats. */
  returningChats: number;
  fleet: FleetMember[];
  /** When the queue's workers were started (the fleet's own setup calls come before). */
  burstStartedAt: number;
};

/**
 * One burst from end to end: fleet, deliveries (with duplicates, faults, spikes and crashes going on), the wait
 * until the queue is empty, then the ledger. Writes the run's figures; the caller asserts on `ledger.problems`.
 */
export async function runScenario(scenario: Scenario, host: Host): Promise<ScenarioResult> {
  const seed = runSeed(scenario.seed);
  const random = seededRandom(seed);
  const started = Date.now();
  const deadline = started + scenario.timeoutMs;
  const fleet = await setupFleet(host.url, {
    healthy: scenario.healthy,
    doomed: scenario.doomed,
    faults: scenario.faults,
  });
  const integrationIds = fleet.map((member) => member.integrationId);
  const burst = planBurst(fleet, {
    events: scenario.events,
    duplicateRate: scenario.duplicateRate,
    doomedShare: scenario.doomedShare,
    agentLookups: scenario.agentLookups ?? true,
    random,
  });
  const expectedJobs = burst.events.filter((event) => event.kind !== "ignored").length;

  const burstStartedAt = Date.now();
  await host.start();
  const spikes =
    scenario.spikeEveryMs > 0 ? startLatencySpikes(fleet, random, { everyMs: scenario.spikeEveryMs }) : null;
  const crash = host.crash;
  const halt = new AbortController();
  const log = newDeliveryLog();
  const work = burst.waves.flat().length + expectedJobs;
  const progress = async () => {
    const state = await queueState(integrationIds);
    const answered = [...log.answered.values()].reduce((sum, count) => sum + count, 0);
    return (answered + state.done + state.failed) / work;
  };
  const strikes = crash
    ? strikeOnProgress({ count: crash.times, random, progress, deadline, signal: halt.signal, strike: crash.strike })
    : Promise.resolve(0);
  strikes.catch(() => undefined);
  let spikeCount = 0;
  let stuck: string | null = null;
  let delivered: Awaited<ReturnType<typeof sendBurst>>;
  let sentAt: number;
  try {
    delivered = await sendBurst(
      burst.waves,
      {
        concurrency: scenario.senders,
        resendOnConnectionFailure: crash?.dropsDeliveries ?? false,
        deadline,
        receivers: host.receivers,
      },
      log,
    );
    sentAt = Date.now();
    const struck = await strikes;
    if (crash && struck !== crash.times)
      throw new Error(`only ${struck} of ${crash.times} crashes happened before the deadline`);
    // Slow answers last until most chats are through: the unluckiest few then finish their retries in peace.
    const remaining = () => Math.max(1_000, deadline - Date.now());
    await waitForQueue(integrationIds, { timeoutMs: remaining(), pendingAtMost: Math.floor(expectedJobs * 0.1) }).catch(
      () => undefined,
    );
    spikeCount = (await spikes?.stop()) ?? 0;
    // A queue still busy at the deadline is one more line of the ledger, next to the rows it left unsettled.
    stuck = await waitForQueue(integrationIds, { timeoutMs: remaining() }).then(
      () => null,
      (error: Error) => error.message,
    );
  } finally {
    halt.abort();
    await strikes.catch(() => undefined);
    await spikes?.stop();
    await host.stop();
  }
  const settledAt = Date.now();
  const ledger = await computeLedger(fleet, burst, delivered, { exactDeliveries: !crash?.dropsDeliveries });
  if (stuck) ledger.problems.unshift(stuck);
  const figures = {
    seed,
    scenario: { ...scenario, crashes: crash?.times ?? 0 },
    burst: {
      unique: burst.events.length,
      duplicates: burst.duplicates,
      concurrentDuplicates: burst.concurrentDuplicates,
      returningChats: burst.returningChats,
      returningVisitors: burst.returningVisitors,
    },
    delivery: { attempts: delivered.attempts, connectionFailures: delivered.connectionFailures },
    latencySpikes: spikeCount,
    seconds: { deliver: (sentAt - started) / 1000, total: (settledAt - started) / 1000 },
    queue: await queueState(integrationIds),
    ledger,
  };
  writeFigures(scenario.name, figures);
  console.log(
    `[${scenario.name}] seed ${seed}: ${JSON.stringify({ ...figures, ledger: { ...ledger, problems: ledger.problems.slice(0, 20) } })}`,
  );
  return { ...ledger, seed, fleet, burstStartedAt, returningChats: burst.returningChats };
}
