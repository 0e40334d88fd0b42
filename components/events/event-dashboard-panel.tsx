import { useFormatter, useTranslations } from "next-intl";
import type { EventDashboard } from "@/lib/events/event-dashboard";
import { SummaryItem, SummaryList } from "@/components/ui/summary-list";
import { DailyChart } from "./daily-chart";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <SummaryItem label={label} variant="stat" testId={testId}>
      {value}
    </SummaryItem>
  );
}

export function EventDashboardPanel({ dashboard, now }: { dashboard: EventDashboard; now: Date }) {
  const t = useTranslations("events.dashboard");
  const format = useFormatter();
  const rate =
    dashboard.successRate === null
      ? t("noData")
      : format.number(dashboard.successRate, { style: "percent", maximumFractionDigits: 1 });
  const oldest = dashboard.oldestWaitingSince
    ? format.relativeTime(dashboard.oldestWaitingSince, now)
    : t("queueEmpty");
  return (
    <section
      aria-labelledby="events-dashboard"
      className="space-y-4 rounded-xl border border-slate-200 bg-slate-50/60 p-4"
    >
      <h2 id="events-dashboard" className="sr-only">
        {t("title")}
      </h2>
      <SummaryList className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("processed")} value={format.number(dashboard.processed)} testId="stat-processed" />
        <Stat label={t("successRate")} value={rate} testId="stat-success-rate" />
        <Stat label={t("queueDepth")} value={format.number(dashboard.queueDepth)} testId="stat-queue-depth" />
        <Stat label={t("oldestWaiting")} value={oldest} testId="stat-oldest-waiting" />
      </SummaryList>
      <DailyChart perDay={dashboard.perDay} />
    </section>
  );
}
