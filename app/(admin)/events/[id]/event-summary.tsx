import { useFormatter, useTranslations } from "next-intl";
import type { EventDetail } from "@/lib/events/event-log";
import { AgentAnswerSummary } from "@/components/events/agent-answer-summary";
import { StatusBadge } from "@/components/events/status-badge";
import { Card } from "@/components/ui/card";
import { SummaryItem, SummaryList } from "@/components/ui/summary-list";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <SummaryItem label={label} variant="caps">
      {children}
    </SummaryItem>
  );
}

export function EventSummary({ event }: { event: EventDetail }) {
  const t = useTranslations("events.detail");
  const tr = useTranslations("events.reasons");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "medium" });
  // Receiver reasons are codes; worker errors are already sentences.
  const reason = event.statusReason && (tr.has(event.statusReason) ? tr(event.statusReason) : event.statusReason);
  const lastError = event.job?.lastError ?? null;

  return (
    <Card id="event-summary" title={t("summary")} hideTitle className="p-5">
      <SummaryList className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Item label={t("status")}>
          <StatusBadge view={event.statusView} />
        </Item>
        <Item label={t("visitor")}>
          <span className="block">{event.visitorName ?? t("anonymous")}</span>
          {event.visitorEmail ? <span className="block text-slate-600">{event.visitorEmail}</span> : null}
          {event.visitorPhone ? <span className="block text-slate-600">{event.visitorPhone}</span> : null}
        </Item>
        <Item label={t("integration")}>{event.integration.name}</Item>
        <Item label={t("channelAndChat")}>
          {t("channelAndChatValue", { channel: event.widgetId ?? "—", chat: event.chatId ?? "—" })}
        </Item>
        <Item label={t("processedAt")}>{event.processedAt ? when(event.processedAt) : "—"}</Item>
        <Item label={t("deliveries")}>{format.number(event.deliveries)}</Item>
        <Item label={t("attempts")}>{event.job ? format.number(event.job.attempts) : t("noJob")}</Item>
        <Item label={t("nextRetry")}>{event.statusView.retryAt ? when(event.statusView.retryAt) : "—"}</Item>
        {reason ? <Item label={t("reason")}>{reason}</Item> : null}
        {event.agentAnswer ? (
          <Item label={t("agentAnswer")}>
            <AgentAnswerSummary answer={event.agentAnswer} />
          </Item>
        ) : null}
        {lastError && lastError !== event.statusReason ? <Item label={t("lastError")}>{lastError}</Item> : null}
      </SummaryList>
    </Card>
  );
}
