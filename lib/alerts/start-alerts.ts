import { systemDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { deliverPendingAlerts } from "./deliver-alerts";
import { evaluateAlerts } from "./evaluate-alerts";

// Flags and alerts: flagging an integration opens its incident at once; the periodic run opens, resolves and mails
// the rest.

export const ALERT_INTERVAL_MS = 60_000;

/** Once a minute in each worker: open and resolve incidents, then e-mail what is waiting. */
export async function runAlertsOnce(): Promise<void> {
  await evaluateAlerts();
  await deliverPendingAlerts();
}

export function startAlerts(intervalMs = ALERT_INTERVAL_MS): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    runAlertsOnce()
      .catch((error) => logger.error({ err: error }, "alerts run failed"))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** Right after the worker flags an integration: its incident opens (and its mail leaves) without waiting a minute. */
export function alertFlaggedNow(integrationId: string): void {
  evaluateAlerts({ integrationId, openOnly: true })
    .then(({ opened }) => (opened ? deliverPendingAlerts() : undefined))
    .catch((error) => logger.warn({ err: error, integrationId }, "could not open the alert of a flagged integration"));
}

/** Marks an integration as needing attention (bad key, missing stage or field…); the UI shows a banner. */
export async function flagIntegration(integrationId: string, reason: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId },
    data: { flaggedReason: reason.slice(0, 500), flaggedAt: new Date() },
  });
  // The admins hear of it now; the recovery is noticed by the next periodic evaluation (lib/alerts).
  alertFlaggedNow(integrationId);
}

export async function clearIntegrationFlag(integrationId: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId, flaggedReason: { not: null } },
    data: { flaggedReason: null, flaggedAt: null },
  });
}
