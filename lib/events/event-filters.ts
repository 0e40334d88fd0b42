import { z } from "zod";
import { EVENT_STATUSES } from "./event-status";

// The event log's filters and the São Paulo days they and the dashboard count in.

/** Statuses a user can filter by: the stored ones plus "duplicate" (re-delivered by JivoChat). */
export const STATUS_FILTERS = [...EVENT_STATUSES, "duplicate"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

// Search params come from a URL anyone can edit: a bad value falls back to "no filter" instead of an error page.
// Next hands repeated keys over as arrays; the first one wins.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);
const day = z.string().refine(isDayKey);

export const eventFiltersSchema = z
  .object({
    status: optional(z.enum(STATUS_FILTERS)),
    integration: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
    from: optional(day),
    to: optional(day),
    q: optional(z.string().transform((value) => value.trim().slice(0, 100) || undefined)),
    page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
  })
  .transform((filters) =>
    // A period typed backwards still means the days between the two dates.
    filters.from && filters.to && filters.from > filters.to
      ? { ...filters, from: filters.to, to: filters.from }
      : filters,
  );

export type EventFilters = z.output<typeof eventFiltersSchema>;

export function parseEventFilters(searchParams: Record<string, string | string[] | undefined>): EventFilters {
  return eventFiltersSchema.parse(searchParams);
}

/** The query string of a filtered view ("" when unfiltered); changing a filter starts again at page 1. */
export function eventFiltersQuery(filters: Partial<EventFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["q", "status", "integration", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

// The log's days are São Paulo's days. America/Sao_Paulo has kept UTC−3 all year since Brazil dropped daylight
// saving in 2019, so a fixed offset gives the same boundaries as the tz database while staying a pure computation
// that works identically on SQLite and PostgreSQL.
const OFFSET_MS = -3 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** "YYYY-MM-DD" of the São Paulo calendar day an instant falls in. */
export function dayKey(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a São Paulo calendar day ("YYYY-MM-DD") starts. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written as "YYYY-MM-DD" (rejects 2026-02-30). */
export function isDayKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
