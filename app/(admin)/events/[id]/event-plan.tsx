import { useFormatter, useTranslations } from "next-intl";
import type { EventDetail } from "@/lib/events/event-log";
import { DetailSection } from "./detail-section";

export function EventPlan({ plan, warnings }: Pick<EventDetail, "plan" | "warnings">) {
  const t = useTranslations("events.detail");
  const tp = useTranslations("events.plan");
  const tw = useTranslations("events.warnings");
  const format = useFormatter();
  return (
    <>
      <DetailSection id="event-plan" title={t("plan")}>
        {plan.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noPlan")}</p>
        ) : (
          <ol className="space-y-1.5 text-sm" data-testid="event-plan">
            {plan.map((entry, index) => (
              <li key={index} className="flex flex-wrap items-baseline gap-x-3">
                <span className="text-slate-900">{tp(entry.line.key, entry.line.values)}</span>
                <span className="text-xs text-slate-500">
                  {t("stepMeta", {
                    attempt: entry.attempt,
                    time: format.dateTime(new Date(entry.at), {
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                      hourCycle: "h23",
                    }),
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </DetailSection>
      {warnings.length > 0 ? (
        <DetailSection id="event-warnings" title={t("warnings")}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
            {warnings.map((warning, index) => (
              <li key={index}>
                {tw.has(warning.code) ? tw(warning.code) : warning.code}
                {warning.field ? ` — ${t("warningField", { field: warning.field })}` : null}
                {warning.value ? ` (${warning.value})` : null}
              </li>
            ))}
          </ul>
        </DetailSection>
      ) : null}
    </>
  );
}
