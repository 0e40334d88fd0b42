import { parseDateValue } from "./parse-date-value";
import { parseNumericValue } from "./parse-numeric-value";

// SQL Server's default collation (Latin1_General_CI_AS) ignores case but not accents.
const collator = new Intl.Collator("en", { sensitivity: "accent" });

/**
 * Orders two non-null values the way Ploomes' SQL Server backend would: negative, zero or
 * positive, or null when the types cannot be compared at all.
 */
export function compareNonNullValues(left: unknown, right: unknown): number | null {
  if (left instanceof Date || right instanceof Date) return compareDates(left, right);
  if (typeof left === "number" || typeof right === "number") {
    const a = parseNumericValue(left);
    const b = parseNumericValue(right);
    return a === null || b === null ? null : Math.sign(a - b);
  }
  if (typeof left === "string" && typeof right === "string") {
    // Two date strings may carry different offsets, so text order is not time order.
    const dateOrder = compareDates(left, right);
    return dateOrder ?? Math.sign(collator.compare(left, right));
  }
  if (typeof left === "boolean" && typeof right === "boolean") {
    return Math.sign(Number(left) - Number(right));
  }
  return null;
}

function compareDates(left: unknown, right: unknown): number | null {
  const a = parseDateValue(left);
  const b = parseDateValue(right);
  return a === null || b === null ? null : Math.sign(a - b);
}
