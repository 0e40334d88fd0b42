import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { EventRow } from "@/lib/events/event-log";
import { AgentAnswerSummary } from "@/components/events/agent-answer-summary";
import { RecordLinks } from "@/components/events/record-links";
import { StatusBadge } from "@/components/events/status-badge";
import { useEventName } from "@/components/events/use-event-name";
import { Cell, DataTable } from "@/components/ui/data-table";

/** Ticking failed rows for a bulk reprocess (admins only; absent for members). */
export type RowSelection = {
  selected: string[];
  selectable: string[];
  toggle: (id: string) => void;
  toggleAll: () => void;
};

export function EventsTable({
  events,
  filtered,
  selection = null,
}: {
  events: EventRow[];
  filtered: boolean;
  selection?: RowSelection | null;
}) {
  const t = useTranslations("events.table");
  const tBulk = useTranslations("bulkReprocess");
  const format = useFormatter();
  const eventName = useEventName();

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <DataTable
        caption={{ id: "events-list", text: t("caption") }}
        alignTop
        columns={[
          ...(selection
            ? [
                <input
                  key="all"
                  type="checkbox"
                  aria-label={tBulk("selectAllFailed")}
                  disabled={selection.selectable.length === 0}
                  checked={selection.selectable.length > 0 && selection.selected.length === selection.selectable.length}
                  onChange={selection.toggleAll}
                />,
              ]
            : []),
          t("when"),
          t("visitor"),
          t("event"),
          t("channel"),
          t("integration"),
          t("status"),
          t("records"),
        ]}
      >
        {events.length === 0 ? (
          <tr>
            <td colSpan={selection ? 8 : 7} className="px-4 py-10 text-center text-slate-500">
              {filtered ? t("emptyFiltered") : t("empty")}
            </td>
          </tr>
        ) : null}
        {events.map((event) => (
          <tr key={event.id} data-testid={`event-row-${event.id}`}>
            {selection ? (
              <Cell>
                {event.status === "failed" ? (
                  <input
                    type="checkbox"
                    aria-label={tBulk("selectRow", { visitor: event.visitorName ?? t("anonymous") })}
                    checked={selection.selected.includes(event.id)}
                    onChange={() => selection.toggle(event.id)}
                  />
                ) : null}
              </Cell>
            ) : null}
            <Cell className="whitespace-nowrap">
              <Link
                href={`/events/${event.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {format.dateTime(event.receivedAt, { dateStyle: "short", timeStyle: "short" })}
              </Link>
            </Cell>
            <Cell>
              <p className="font-medium text-slate-900">{event.visitorName ?? t("anonymous")}</p>
              {event.visitorEmail ? <p className="text-slate-600">{event.visitorEmail}</p> : null}
              {event.visitorPhone ? <p className="text-slate-600">{event.visitorPhone}</p> : null}
            </Cell>
            <Cell>
              <p>{eventName(event.eventName)}</p>
              {event.chatId ? <p className="text-xs text-slate-500">{t("chat", { id: event.chatId })}</p> : null}
            </Cell>
            <Cell className="text-slate-600">{event.widgetId ?? "—"}</Cell>
            <Cell className="text-slate-600">{event.integrationName}</Cell>
            <Cell>
              <StatusBadge view={event.statusView} />
              {event.agentAnswer ? (
                <div className="mt-1">
                  <AgentAnswerSummary answer={event.agentAnswer} compact />
                </div>
              ) : null}
            </Cell>
            <Cell>
              <RecordLinks records={event.records} />
            </Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
