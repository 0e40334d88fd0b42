"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ConnectorState } from "@/lib/integration-model/integration";
import { inputClass } from "@/components/ui/form-field";
import { ConnectorLogo } from "@/components/integrations/connector-logo";
import { StateBadge } from "@/components/integrations/state-badge";

type Card = {
  id: string;
  href: string;
  initials: string;
  name: string;
  description: string;
  keywords: string;
  state: ConnectorState;
};

// Accents are ignored so "integracao" finds "integração".
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function ConnectorCatalogue({ cards }: { cards: Card[] }) {
  const t = useTranslations("integrations.catalogue");
  const [query, setQuery] = useState("");
  const needle = fold(query.trim());
  const shown = cards.filter((card) => fold(`${card.name} ${card.description} ${card.keywords}`).includes(needle));

  return (
    <section aria-labelledby="catalogue-heading" className="space-y-4">
      <h2 id="catalogue-heading" className="sr-only">
        {t("listTitle")}
      </h2>
      <input
        type="search"
        aria-label={t("search")}
        placeholder={t("searchPlaceholder")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className={`${inputClass} max-w-md`}
      />
      <p aria-live="polite" className="sr-only">
        {t("results", { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {t("empty", { query: query.trim() })}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((card) => (
            <li key={card.id}>
              <Link
                href={card.href}
                data-testid={`connector-${card.id}`}
                className="flex h-full flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow"
              >
                <span className="flex items-start gap-3">
                  <ConnectorLogo initials={card.initials} />
                  <span className="min-w-0">
                    <span className="block text-base font-semibold text-slate-900">{card.name}</span>
                    <span className="block text-sm text-slate-600">{card.description}</span>
                  </span>
                </span>
                <span className="mt-auto flex items-center justify-between gap-2">
                  <StateBadge state={card.state} />
                  <span className="text-sm font-medium text-brand-700">{t("open")}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
