import { z } from "zod";
import { EVENT_STATUSES } from "./event-status";
import { isDayKey } from "./sao-paulo-day";

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
    filters.from && filters.to && filters.from > filters.to ? { ...filters, from: filters.to, to: filters.from } : filters,
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
