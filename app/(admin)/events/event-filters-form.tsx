"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { STATUS_FILTERS, eventFiltersQuery, parseEventFilters, type EventFilters } from "@/lib/events/event-filters";
import { Button, buttonClass } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";

type Props = { filters: EventFilters; integrations: { id: string; name: string }[] };

/** Filters live in the URL: submitting navigates, so a filtered view can be bookmarked and shared. */
export function EventFiltersForm({ filters, integrations }: Props) {
  const t = useTranslations("events.filters");
  const ts = useTranslations("events.status");
  const router = useRouter();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    router.push(`/events${eventFiltersQuery(parseEventFilters(values))}`);
  };

  return (
    <form
      // Remounts when the URL changes (e.g. "Limpar"), so the fields always show the filters in force.
      key={eventFiltersQuery(filters)}
      onSubmit={submit}
      role="search"
      aria-label={t("label")}
      className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 md:grid-cols-6"
    >
      <div className="md:col-span-2">
        <FormField id="filter-q" label={t("search")}>
          <TextInput
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder={t("searchPlaceholder")}
          />
        </FormField>
      </div>
      <FormField id="filter-status" label={t("status")}>
        <SelectInput id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("any")}</option>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {status === "duplicate" ? t("duplicate") : ts(status)}
            </option>
          ))}
        </SelectInput>
      </FormField>
      <FormField id="filter-integration" label={t("integration")}>
        <SelectInput id="filter-integration" name="integration" defaultValue={filters.integration ?? ""}>
          <option value="">{t("anyIntegration")}</option>
          {integrations.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </SelectInput>
      </FormField>
      <FormField id="filter-from" label={t("from")}>
        <TextInput id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </FormField>
      <FormField id="filter-to" label={t("to")}>
        <TextInput id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </FormField>
      <div className="flex gap-2 md:col-span-6">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/events" className={buttonClass("ghost")}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
