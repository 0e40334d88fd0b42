import { useFormatter, useTranslations } from "next-intl";
import type { EventDashboard } from "@/lib/events/event-dashboard";
import { DailyChart } from "./daily-chart";

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function EventDashboardPanel({ dashboard, now }: { dashboard: EventDashboard; now: Date }) {
  const t = useTranslations("events.dashboard");
  const format = useFormatter();
  const rate = dashboard.successRate === null ? t("noData") : format.number(dashboard.successRate, { style: "percent", maximumFractionDigits: 1 });
  const oldest = dashboard.oldestWaitingSince ? format.relativeTime(dashboard.oldestWaitingSince, now) : t("queueEmpty");
  return (
    <section aria-labelledby="events-dashboard" className="space-y-4 rounded-xl border border-slate-200 bg-slate-50/60 p-4">
      <h2 id="events-dashboard" className="sr-only">
        {t("title")}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("processed")} value={format.number(dashboard.processed)} testId="stat-processed" />
        <Stat label={t("successRate")} value={rate} testId="stat-success-rate" />
        <Stat label={t("queueDepth")} value={format.number(dashboard.queueDepth)} testId="stat-queue-depth" />
        <Stat label={t("oldestWaiting")} value={oldest} testId="stat-oldest-waiting" />
      </dl>
      <DailyChart perDay={dashboard.perDay} />
    </section>
  );
}
