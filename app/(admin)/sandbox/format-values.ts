import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Dates come from whatever an API client stored: shown formatted when they parse, as written otherwise. */
export function formatDate(format: Formatter, value: string | null): string {
  if (!value) return "–";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
}
