import { appUrl } from "@/lib/env";

export const ALERT_KINDS = ["flagged", "silent", "failure_rate"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertType = "opened" | "resolved";

const WHAT: Record<AlertKind, string> = {
  flagged: "A integração foi sinalizada e parou de gravar no Ploomes",
  silent: "A integração não recebe eventos do JivoChat",
  failure_rate: "Muitos eventos da integração estão falhando",
};

/** Where the admin goes from an alert: the integration's failed events in the log, and the integration itself. */
export function alertLinks(integrationId: string) {
  const base = appUrl();
  return {
    log: `${base}/events?integration=${encodeURIComponent(integrationId)}&status=failed`,
    integration: `${base}/integrations/jivo/${encodeURIComponent(integrationId)}`,
  };
}

const SUBJECT: Record<AlertKind, string> = {
  flagged: "parou de gravar no Ploomes",
  silent: "nenhum evento do JivoChat",
  failure_rate: "muitos eventos com falha",
};

const when = (date: Date) =>
  new Intl.DateTimeFormat("pt-BR", { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" }).format(
    date,
  );

/** The e-mail (subject and plain text, pt-BR) of an incident that opened or was resolved. */
export function composeAlert(input: {
  type: AlertType;
  kind: AlertKind;
  integrationId: string;
  integrationName: string;
  accountName: string;
  detail: string;
  openedAt: Date;
  resolvedAt?: Date | null;
}): { subject: string; body: string } {
  const links = alertLinks(input.integrationId);
  if (input.type === "opened") {
    return {
      subject: `[Alerta] ${input.integrationName}: ${SUBJECT[input.kind]}`,
      body: [
        `${WHAT[input.kind]}: ${input.integrationName} (conta ${input.accountName}).`,
        "",
        `O que falhou: ${input.detail}`,
        `Desde: ${when(input.openedAt)} (horário de Brasília)`,
        "",
        `Eventos com falha no registro: ${links.log}`,
        `Integração: ${links.integration}`,
        "",
        "Os eventos continuam guardados: depois de corrigir, reprocesse as falhas pelo registro de eventos.",
        "Você receberá outro e-mail quando o problema for resolvido.",
      ].join("\n"),
    };
  }
  return {
    subject: `[Resolvido] ${input.integrationName}: ${SUBJECT[input.kind]}`,
    body: [
      `Resolvido: ${input.integrationName} (conta ${input.accountName}) voltou ao normal.`,
      "",
      `O que falhava: ${input.detail}`,
      `De ${when(input.openedAt)} a ${when(input.resolvedAt ?? new Date())} (horário de Brasília)`,
      "",
      `Registro de eventos: ${links.log}`,
    ].join("\n"),
  };
}
