const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;

/**
 * Epoch milliseconds for a Date or an ISO 8601 date/datetime string, otherwise null.
 * Zone-less datetimes are read as UTC so results never depend on the server's time zone.
 */
export function parseDateValue(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const hasTime = text.length > 10;
  const hasZone = match[1] !== undefined;
  const epochMs = Date.parse(hasTime && !hasZone ? `${text.replace(" ", "T")}Z` : text.replace(" ", "T"));
  return Number.isNaN(epochMs) ? null : epochMs;
}
