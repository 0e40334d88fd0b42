"use client";

import { useState } from "react";
import { isSettling } from "@/lib/events/event-status";
import type { EventFilters } from "@/lib/events/event-filters";
import type { EventList } from "@/lib/events/event-log";
import { AutoRefresh } from "@/components/events/auto-refresh";
import { BulkReprocessBar } from "@/components/events/bulk-reprocess-bar";
import { EventFiltersForm } from "./event-filters-form";
import { EventsPager } from "./events-pager";
import { EventsTable } from "./events-table";

/** Bulk reprocess, for admins: how many failed events the filter matches, and whether a batch is running. */
type Bulk = { failedMatching: number | null; running: boolean };
type Props = {
  list: EventList;
  filters: EventFilters;
  integrations: { id: string; name: string }[];
  bulk?: Bulk | null;
};

export function EventLog({ list, filters, integrations, bulk = null }: Props) {
  const filtered = Boolean(filters.q || filters.status || filters.integration || filters.from || filters.to);
  const [selected, setSelected] = useState<string[]>([]);
  // Only failed rows still on screen can stay ticked (a refresh may have moved some on).
  const failedIds = list.events.filter((event) => event.status === "failed").map((event) => event.id);
  const selectedIds = selected.filter((id) => failedIds.includes(id));
  const selection = bulk
    ? {
        selected: selectedIds,
        selectable: failedIds,
        toggle: (id: string) =>
          setSelected((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id])),
        toggleAll: () => setSelected(selectedIds.length === failedIds.length ? [] : failedIds),
      }
    : null;
  return (
    <section aria-labelledby="events-list" className="space-y-4">
      <EventFiltersForm filters={filters} integrations={integrations} />
      {bulk ? (
        <BulkReprocessBar
          selectedIds={selectedIds}
          failedMatching={bulk.failedMatching}
          filters={filters}
          onStarted={() => setSelected([])}
        />
      ) : null}
      <EventsTable events={list.events} filtered={filtered} selection={selection} />
      <EventsPager list={list} filters={filters} />
      <AutoRefresh active={Boolean(bulk?.running) || list.events.some((event) => isSettling(event.status))} />
    </section>
  );
}
