import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { getEventDashboard } from "@/lib/events/event-dashboard";
import { parseEventFilters } from "@/lib/events/event-filters";
import { eventsWhere, listEvents } from "@/lib/events/event-log";
import { listRecentBatches } from "@/lib/events/reprocess";
import { PageHeader } from "@/components/page-header";
import { EventDashboardPanel } from "@/components/events/event-dashboard-panel";
import { FlaggedIntegrationsBanner } from "@/components/events/flagged-integrations-banner";
import { ReprocessBatchesPanel } from "@/components/events/reprocess-batches-panel";
import { EventLog } from "./event-log";

export async function generateMetadata() {
  return { title: (await getTranslations("events"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EventsPage({ searchParams }: Props) {
  const { db, user } = await requirePageUser();
  const filters = parseEventFilters(await searchParams);
  const now = new Date();
  const canReprocess = user.role === "admin";
  // "All failed matching this filter" exists only where the filter can show failed events.
  const failedFilter = !filters.status || filters.status === "failed";
  const [list, dashboard, integrations, batches, failedMatching] = await Promise.all([
    listEvents(db, filters),
    getEventDashboard(db, now),
    db.integration.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    canReprocess ? listRecentBatches(db, now) : Promise.resolve([]),
    canReprocess && failedFilter
      ? db.webhookEvent.count({ where: eventsWhere({ ...filters, status: "failed" }) })
      : Promise.resolve(null),
  ]);
  const t = await getTranslations("events");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <FlaggedIntegrationsBanner integrations={dashboard.flagged} />
      <EventDashboardPanel dashboard={dashboard} now={now} />
      <ReprocessBatchesPanel batches={batches} />
      <EventLog
        list={list}
        filters={filters}
        integrations={integrations}
        bulk={canReprocess ? { failedMatching, running: batches.some((batch) => batch.status === "running") } : null}
      />
    </div>
  );
}
