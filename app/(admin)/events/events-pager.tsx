import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { eventFiltersQuery, type EventFilters } from "@/lib/events/event-filters";
import type { EventList } from "@/lib/events/event-log";
import { buttonClass } from "@/components/ui/button";

export function EventsPager({ list, filters }: { list: EventList; filters: EventFilters }) {
  const t = useTranslations("events.pager");
  const format = useFormatter();
  if (list.total === 0) return null;
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.events.length - 1;
  const href = (page: number) => `/events${eventFiltersQuery({ ...filters, page })}`;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p data-testid="events-total">
        {list.events.length > 0
          ? t("showing", { first: format.number(first), last: format.number(last), total: format.number(list.total) })
          : t("total", { total: format.number(list.total) })}
      </p>
      <div className="flex items-center gap-2">
        {list.page > 1 ? (
          <Link href={href(Math.min(list.page - 1, list.pageCount))} className={buttonClass("secondary")}>
            {t("previous")}
          </Link>
        ) : null}
        <span>{t("page", { page: list.page, pageCount: list.pageCount })}</span>
        {list.page < list.pageCount ? (
          <Link href={href(list.page + 1)} className={buttonClass("secondary")}>
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
