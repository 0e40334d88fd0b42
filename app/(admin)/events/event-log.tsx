"use client";

import { isSettling } from "@/lib/events/event-status";
import type { EventFilters } from "@/lib/events/event-filters";
import type { EventList } from "@/lib/events/list-events";
import { AutoRefresh } from "@/components/events/auto-refresh";
import { EventFiltersForm } from "./event-filters-form";
import { EventsPager } from "./events-pager";
import { EventsTable } from "./events-table";

type Props = { list: EventList; filters: EventFilters; integrations: { id: string; name: string }[] };

export function EventLog({ list, filters, integrations }: Props) {
  const filtered = Boolean(filters.q || filters.status || filters.integration || filters.from || filters.to);
  return (
    <section aria-labelledby="events-list" className="space-y-4">
      <EventFiltersForm filters={filters} integrations={integrations} />
      <EventsTable events={list.events} filtered={filtered} />
      <EventsPager list={list} filters={filters} />
      <AutoRefresh active={list.events.some((event) => isSettling(event.status))} />
    </section>
  );
}
