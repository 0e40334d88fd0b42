import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getEventDashboard } from "@/lib/events/event-dashboard";
import { parseEventFilters } from "@/lib/events/event-filters";
import { listEvents } from "@/lib/events/list-events";
import { PageHeader } from "@/components/page-header";
import { EventDashboardPanel } from "@/components/events/event-dashboard-panel";
import { FlaggedIntegrationsBanner } from "@/components/events/flagged-integrations-banner";
import { EventLog } from "./event-log";

export async function generateMetadata() {
  return { title: (await getTranslations("events"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EventsPage({ searchParams }: Props) {
  const { db } = await requirePageUser();
  const filters = parseEventFilters(await searchParams);
  const now = new Date();
  const [list, dashboard, integrations] = await Promise.all([
    listEvents(db, filters),
    getEventDashboard(db, now),
    db.integration.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const t = await getTranslations("events");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <FlaggedIntegrationsBanner integrations={dashboard.flagged} />
      <EventDashboardPanel dashboard={dashboard} now={now} />
      <EventLog list={list} filters={filters} integrations={integrations} />
    </div>
  );
}
