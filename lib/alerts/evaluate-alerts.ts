import { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readDraftSettings } from "@/lib/integration-model/draft-settings";
import { isSilent } from "@/lib/integration-model/integration";
import { logger } from "@/lib/log/logger";
import { ALERT_KINDS, composeAlert, type AlertKind, type AlertType } from "./compose-alert";

// Alert incidents: the conditions of each integration now, opened and resolved against those already open.

export type EvaluateOptions = {
  now?: Date;
  /** Only this integration (the worker just flagged it). */
  integrationId?: string;
  /** Open incidents only: a flag set and cleared within one evaluation period is one incident, not a storm. */
  openOnly?: boolean;
  thresholds?: AlertThresholds;
  /** E-mail configured (default: SMTP_URL is set): messages wait for the sender; else they are kept for the page. */
  smtpConfigured?: boolean;
};

const openKey = (integrationId: string, kind: AlertKind) => `${integrationId}:${kind}`;

type Integration = {
  id: string;
  accountId: string;
  name: string;
  status: string;
  settings: string;
  flaggedReason: string | null;
  lastEventAt: Date | null;
  activatedAt: Date | null;
  account: { name: string };
  alertIncidents: { id: string; kind: string; detail: string; openedAt: Date }[];
};

/**
 * Opens an incident for every alert condition that holds and has none open, and resolves the open ones whose
 * condition is gone. Each opening and each resolution writes one message to the account's admins in the same
 * transaction; the unique open key makes two evaluators (two workers) open it once. Incidents of an integration
 * that is no longer active are closed without a message: pausing is the admin's own doing.
 */
export async function evaluateAlerts(options: EvaluateOptions = {}): Promise<{ opened: number; resolved: number }> {
  const now = options.now ?? new Date();
  const thresholds = options.thresholds ?? defaultThresholds();
  const smtpConfigured = options.smtpConfigured ?? Boolean(env.SMTP_URL);
  const integrations: Integration[] = await systemDb.integration.findMany({
    where: {
      ...(options.integrationId ? { id: options.integrationId } : {}),
      OR: [{ status: "active" }, { alertIncidents: { some: { resolvedAt: null } } }],
    },
    select: {
      id: true,
      accountId: true,
      name: true,
      status: true,
      settings: true,
      flaggedReason: true,
      lastEventAt: true,
      activatedAt: true,
      account: { select: { name: true } },
      alertIncidents: { where: { resolvedAt: null }, select: { id: true, kind: true, detail: true, openedAt: true } },
    },
  });
  let opened = 0;
  let resolved = 0;
  for (const integration of integrations) {
    const conditions = await currentConditions(integration, now, thresholds);
    for (const kind of ALERT_KINDS) {
      const open = integration.alertIncidents.find((incident) => incident.kind === kind);
      const detail = conditions.get(kind);
      if (detail && !open) {
        if (await openIncident(integration, kind, detail, now, smtpConfigured)) opened++;
      } else if (!detail && open && !options.openOnly) {
        if (await resolveIncident(integration, open, now, smtpConfigured)) resolved++;
      }
    }
  }
  return { opened, resolved };
}

async function recipients(accountId: string): Promise<string[]> {
  const admins = await systemDb.user.findMany({
    where: { accountId, role: "admin" },
    select: { email: true },
    orderBy: { createdAt: "asc" },
  });
  return admins.map((admin) => admin.email);
}

function messageData(
  integration: Integration,
  type: AlertType,
  kind: AlertKind,
  detail: string,
  openedAt: Date,
  resolvedAt: Date | null,
  to: string[],
  smtpConfigured: boolean,
) {
  const { subject, body } = composeAlert({
    type,
    kind,
    integrationId: integration.id,
    integrationName: integration.name,
    accountName: integration.account.name,
    detail,
    openedAt,
    resolvedAt,
  });
  return {
    accountId: integration.accountId,
    type,
    subject,
    body,
    recipients: JSON.stringify(to),
    delivery: smtpConfigured ? "pending" : "stored",
  };
}

async function openIncident(
  integration: Integration,
  kind: AlertKind,
  detail: string,
  now: Date,
  smtpConfigured: boolean,
) {
  const to = await recipients(integration.accountId);
  try {
    await systemDb.alertIncident.create({
      data: {
        accountId: integration.accountId,
        integrationId: integration.id,
        kind,
        detail: detail.slice(0, 1000),
        openKey: openKey(integration.id, kind),
        openedAt: now,
        messages: { create: messageData(integration, "opened", kind, detail, now, null, to, smtpConfigured) },
      },
    });
    logger.warn({ integrationId: integration.id, kind }, "alert incident opened");
    return true;
  } catch (error) {
    // Another evaluator opened it first: one incident, one message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

async function resolveIncident(
  integration: Integration,
  incident: { id: string; kind: string; detail: string; openedAt: Date },
  now: Date,
  smtpConfigured: boolean,
) {
  const notify = integration.status === "active";
  const to = notify ? await recipients(integration.accountId) : [];
  return systemDb.$transaction(async (tx) => {
    const closed = await tx.alertIncident.updateMany({
      where: { id: incident.id, resolvedAt: null },
      data: { resolvedAt: now, openKey: null },
    });
    if (closed.count !== 1) return false;
    if (notify) {
      await tx.alertMessage.create({
        data: {
          ...messageData(
            integration,
            "resolved",
            incident.kind as AlertKind,
            incident.detail,
            incident.openedAt,
            now,
            to,
            smtpConfigured,
          ),
          incidentId: incident.id,
        },
      });
    }
    logger.info({ integrationId: integration.id, kind: incident.kind }, "alert incident resolved");
    return true;
  });
}

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
export async function currentConditions(
  integration: IntegrationRow,
  now: Date,
  thresholds: AlertThresholds,
): Promise<Map<AlertKind, string>> {
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
