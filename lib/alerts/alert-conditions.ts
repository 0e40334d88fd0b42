import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readDraftSettings } from "@/lib/integrations/read-draft-settings";
import { isSilent } from "@/lib/integrations/silence-alert";
import type { AlertKind } from "./compose-alert";

export const FAILURE_WINDOW_MS = 60 * 60_000;

export type AlertThresholds = { failureRate: number; minFailures: number };

export function defaultThresholds(): AlertThresholds {
  return { failureRate: env.ALERT_FAILURE_RATE, minFailures: env.ALERT_FAILURE_MIN_EVENTS };
}

type IntegrationRow = {
  id: string;
  status: string;
  settings: string;
  flaggedReason: string | null;
  lastEventAt: Date | null;
  activatedAt: Date | null;
};

/**
 * What is wrong with an integration right now, per alert kind, with a sentence saying what: its flag (a refused
 * key, a stage or field gone — set by the worker and the health check), silence beyond its configured window, and
 * the share of failed events among those of the last hour. Only active integrations alert.
 */
export async function currentConditions(integration: IntegrationRow, now: Date, thresholds: AlertThresholds): Promise<Map<AlertKind, string>> {
  const conditions = new Map<AlertKind, string>();
  if (integration.status !== "active") return conditions;
  if (integration.flaggedReason) conditions.set("flagged", integration.flaggedReason);

  const { silenceAlertHours } = readDraftSettings(integration.settings);
  if (isSilent({ ...integration, silenceAlertHours }, now)) {
    conditions.set(
      "silent",
      `Nenhum evento do JivoChat há mais de ${silenceAlertHours} h: confira se a URL do webhook está configurada no canal do JivoChat.`,
    );
  }

  const recent = { integrationId: integration.id, receivedAt: { gte: new Date(now.getTime() - FAILURE_WINDOW_MS) } };
  const [failed, settled] = await Promise.all([
    systemDb.webhookEvent.count({ where: { ...recent, status: "failed" } }),
    systemDb.webhookEvent.count({ where: { ...recent, status: { in: ["done", "failed"] } } }),
  ]);
  if (failed >= thresholds.minFailures && settled > 0 && failed / settled >= thresholds.failureRate) {
    conditions.set(
      "failure_rate",
      `${failed} de ${settled} eventos processados na última hora falharam (limite: ${Math.round(thresholds.failureRate * 100)} %).`,
    );
  }
  return conditions;
}
