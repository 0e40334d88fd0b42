import { useFormatter, useTranslations } from "next-intl";
import type { StatusTone, StatusView } from "@/lib/events/event-status";

const TONES: Record<StatusTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-brand-50 text-brand-700 ring-brand-100",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  danger: "bg-red-50 text-red-800 ring-red-200",
  muted: "bg-slate-50 text-slate-500 ring-slate-200",
};

const pill =
  "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** The status of an event as the log names it, plus a "duplicate" pill when JivoChat re-sent the chat. */
export function StatusBadge({ view }: { view: StatusView }) {
  const t = useTranslations("events.status");
  const format = useFormatter();
  const label =
    view.key === "retrying" && view.retryAt
      ? t("retryingAt", {
          time: format.dateTime(view.retryAt, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
        })
      : t(view.key);
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-status={view.key}>
      <span className={`${pill} ${TONES[view.tone]}`}>{label}</span>
      {view.repeatedDeliveries > 0 ? (
        <span className={`${pill} bg-violet-50 text-violet-800 ring-violet-200`}>
          {t("duplicate", { count: view.repeatedDeliveries })}
        </span>
      ) : null}
    </span>
  );
}
