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
