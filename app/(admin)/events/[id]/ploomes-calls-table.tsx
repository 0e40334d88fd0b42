import { useFormatter, useTranslations } from "next-intl";
import type { EventDetail } from "@/lib/events/event-log";
import { Cell, DataTable } from "@/components/ui/data-table";
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
          <DataTable
            dense
            alignTop
            testId="ploomes-calls"
            columns={[
              t("when"),
              t("request"),
              t("status"),
              { label: t("duration"), className: "text-right" },
              { label: t("attempt"), className: "text-right" },
              t("error"),
            ]}
          >
            {calls.map((call) => {
              const failed = call.status === null || call.status >= 400;
              return (
                <tr key={call.id}>
                  <Cell dense className="whitespace-nowrap text-slate-600">
                    {format.dateTime(call.createdAt, {
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                      hourCycle: "h23",
                    })}
                  </Cell>
                  <Cell dense className="font-mono text-xs">
                    <span className="font-semibold">{call.method}</span> <span className="break-all">{call.path}</span>
                  </Cell>
                  <Cell dense className={`font-mono ${failed ? "text-red-700" : "text-emerald-700"}`}>
                    {call.status ?? t("noResponse")}
                  </Cell>
                  <Cell dense className="text-right tabular-nums">
                    {t("ms", { ms: format.number(call.durationMs) })}
                  </Cell>
                  <Cell dense className="text-right tabular-nums">
                    {call.attempt}
                  </Cell>
                  <Cell dense className="text-red-700">
                    {call.error ?? ""}
                  </Cell>
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
    </DetailSection>
  );
}
