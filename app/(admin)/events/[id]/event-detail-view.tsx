"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { isSettling } from "@/lib/events/event-status";
import type { EventDetail } from "@/lib/events/event-log";
import { PageHeader } from "@/components/page-header";
import { AutoRefresh } from "@/components/events/auto-refresh";
import { RecordLinks } from "@/components/events/record-links";
import { useEventName } from "@/components/events/use-event-name";
import { buttonClass } from "@/components/ui/button";
import { DetailSection } from "./detail-section";
import { EventPayload } from "./event-payload";
import { EventPlan } from "./event-plan";
import { EventSummary } from "./event-summary";
import { PloomesCallsTable } from "./ploomes-calls-table";
import { ReprocessButton } from "./reprocess-button";

export function EventDetailView({ event, canReprocess }: { event: EventDetail; canReprocess: boolean }) {
  const t = useTranslations("events.detail");
  const format = useFormatter();
  const eventName = useEventName();
  const disabledReason = event.purgedAt
    ? t("reprocessPurged")
    : event.job?.status === "running"
      ? t("reprocessRunning")
      : null;

  return (
    <div className="space-y-6">
      <Link href="/events" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <PageHeader
        title={t("heading", { event: eventName(event.eventName), visitor: event.visitorName ?? t("anonymous") })}
        description={t("receivedAt", {
          when: format.dateTime(event.receivedAt, { dateStyle: "long", timeStyle: "medium" }),
        })}
        actions={canReprocess ? <ReprocessButton eventId={event.id} disabledReason={disabledReason} /> : null}
      />
      <EventSummary event={event} />
      <DetailSection id="event-records" title={t("records")}>
        <RecordLinks records={event.records} emptyText={t("noRecords")} />
      </DetailSection>
      <EventPlan plan={event.plan} warnings={event.warnings} />
      <PloomesCallsTable calls={event.calls} />
      <EventPayload payload={event.payload} purgedAt={event.purgedAt} retentionDays={event.retentionDays} />
      <AutoRefresh active={isSettling(event.status)} />
      <Link href="/events" className={buttonClass("secondary")}>
        {t("back")}
      </Link>
    </div>
  );
}
