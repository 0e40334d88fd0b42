import { useFormatter, useTranslations } from "next-intl";
import type { EventDetail } from "@/lib/events/event-log";
import { DetailSection } from "./detail-section";

export function PloomesCallsTable({ calls }: Pick<EventDetail, "calls">) {
  const t = useTranslations("events.calls");
  const format = useFormatter();
  return (
    <DetailSection id="event-calls" title={t("title")}>
      {calls.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="ploomes-calls">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4">{t("when")}</th>
                <th scope="col" className="py-2 pr-4">{t("request")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
                <th scope="col" className="py-2 pr-4 text-right">{t("duration")}</th>
                <th scope="col" className="py-2 pr-4 text-right">{t("attempt")}</th>
                <th scope="col" className="py-2">{t("error")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {calls.map((call) => {
                const failed = call.status === null || call.status >= 400;
                return (
                  <tr key={call.id}>
                    <td className="whitespace-nowrap py-2 pr-4 text-slate-600">
                      {format.dateTime(call.createdAt, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })}
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">
                      <span className="font-semibold">{call.method}</span> <span className="break-all">{call.path}</span>
                    </td>
                    <td className={`py-2 pr-4 font-mono ${failed ? "text-red-700" : "text-emerald-700"}`}>{call.status ?? t("noResponse")}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{t("ms", { ms: format.number(call.durationMs) })}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{call.attempt}</td>
                    <td className="py-2 text-red-700">{call.error ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </DetailSection>
  );
}
