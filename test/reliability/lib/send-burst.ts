import type { PlannedEvent, Wave } from "./plan-burst";

export type DeliveryLog = {
  /** 200 answers per event number. */
  answered: Map<number, number>;
  /** Answers other than 200 — a 5xx means the receiver failed to store an event: never expected. */
  unexpected: { n: number; status: number; body: string }[];
  /** Deliveries that reached no server (it was down): JivoChat sends them again. */
  connectionFailures: number;
  attempts: number;
};

type Options = {
  concurrency: number;
  /** Whether a delivery that got no answer is sent again (only while a test kills the server on purpose). */
  resendOnConnectionFailure: boolean;
  deadline: number;
  /** Base URLs to deal deliveries between, in turn (re-deliveries of one event then reach different ones). */
  receivers?: string[];
};

const RESEND_DELAY_MS = 250;

/** The webhook URL on the receiver whose turn it is. */
function receiverUrl(webhookUrl: string, log: DeliveryLog, options: Options): string {
  const receivers = options.receivers ?? [];
  if (receivers.length < 2) return webhookUrl;
  const url = new URL(webhookUrl);
  return `${receivers[log.attempts % receivers.length]}${url.pathname}`;
}
const MAX_ATTEMPTS = 400;

async function deliver(event: PlannedEvent, log: DeliveryLog, options: Options): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && Date.now() < options.deadline; attempt++) {
    log.attempts++;
    let status: number;
    let body: string;
    try {
      const response = await fetch(receiverUrl(event.member.webhookUrl, log, options), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: event.body,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      log.connectionFailures++;
      if (!options.resendOnConnectionFailure) {
        log.unexpected.push({ n: event.n, status: 0, body: error instanceof Error ? error.message : String(error) });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RESEND_DELAY_MS));
      continue;
    }
    if (status === 200) {
      log.answered.set(event.n, (log.answered.get(event.n) ?? 0) + 1);
      return;
    }
    log.unexpected.push({ n: event.n, status, body: body.slice(0, 300) });
    return;
  }
  log.unexpected.push({ n: event.n, status: 0, body: "gave up re-sending" });
}

export function newDeliveryLog(): DeliveryLog {
  return { answered: new Map(), unexpected: [], connectionFailures: 0, attempts: 0 };
}

/**
 * Plays JivoChat during a burst: `concurrency` waves in flight at once, each wave's deliveries together. The log
 * fills as answers come in (a crash schedule watches it).
 */
export async function sendBurst(waves: Wave[], options: Options, log = newDeliveryLog()): Promise<DeliveryLog> {
  let next = 0;
  const runner = async () => {
    while (next < waves.length) {
      const wave = waves[next++]!;
      await Promise.all(wave.map((event) => deliver(event, log, options)));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, runner));
  return log;
}
