import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { EventRow } from "@/lib/events/event-log";
import { AgentAnswerSummary } from "@/components/events/agent-answer-summary";
import { RecordLinks } from "@/components/events/record-links";
import { StatusBadge } from "@/components/events/status-badge";
import { useEventName } from "@/components/events/use-event-name";

/** Ticking failed rows for a bulk reprocess (admins only; absent for members). */
export type RowSelection = { selected: string[]; selectable: string[]; toggle: (id: string) => void; toggleAll: () => void };

export function EventsTable({ events, filtered, selection = null }: { events: EventRow[]; filtered: boolean; selection?: RowSelection | null }) {
  const t = useTranslations("events.table");
  const tBulk = useTranslations("bulkReprocess");
  const format = useFormatter();
  const eventName = useEventName();

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption id="events-list" className="sr-only">
          {t("caption")}
        </caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {selection ? (
              <th scope="col" className="px-4 py-3">
                <input
                  type="checkbox"
                  aria-label={tBulk("selectAllFailed")}
                  disabled={selection.selectable.length === 0}
                  checked={selection.selectable.length > 0 && selection.selected.length === selection.selectable.length}
                  onChange={selection.toggleAll}
                />
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3">{t("when")}</th>
            <th scope="col" className="px-4 py-3">{t("visitor")}</th>
            <th scope="col" className="px-4 py-3">{t("event")}</th>
            <th scope="col" className="px-4 py-3">{t("channel")}</th>
            <th scope="col" className="px-4 py-3">{t("integration")}</th>
            <th scope="col" className="px-4 py-3">{t("status")}</th>
            <th scope="col" className="px-4 py-3">{t("records")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
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
                <td className="px-4 py-3">
                  {event.status === "failed" ? (
                    <input
                      type="checkbox"
                      aria-label={tBulk("selectRow", { visitor: event.visitorName ?? t("anonymous") })}
                      checked={selection.selected.includes(event.id)}
                      onChange={() => selection.toggle(event.id)}
                    />
                  ) : null}
                </td>
              ) : null}
              <td className="whitespace-nowrap px-4 py-3">
                <Link href={`/events/${event.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {format.dateTime(event.receivedAt, { dateStyle: "short", timeStyle: "short" })}
                </Link>
              </td>
              <td className="px-4 py-3">
                <p className="font-medium text-slate-900">{event.visitorName ?? t("anonymous")}</p>
                {event.visitorEmail ? <p className="text-slate-600">{event.visitorEmail}</p> : null}
                {event.visitorPhone ? <p className="text-slate-600">{event.visitorPhone}</p> : null}
              </td>
              <td className="px-4 py-3">
                <p>{eventName(event.eventName)}</p>
                {event.chatId ? <p className="text-xs text-slate-500">{t("chat", { id: event.chatId })}</p> : null}
              </td>
              <td className="px-4 py-3 text-slate-600">{event.widgetId ?? "—"}</td>
              <td className="px-4 py-3 text-slate-600">{event.integrationName}</td>
              <td className="px-4 py-3">
                <StatusBadge view={event.statusView} />
                {event.agentAnswer ? (
                  <div className="mt-1">
                    <AgentAnswerSummary answer={event.agentAnswer} compact />
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3">
                <RecordLinks records={event.records} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
