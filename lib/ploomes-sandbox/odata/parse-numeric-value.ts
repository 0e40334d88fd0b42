const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number, or a string holding a plain decimal number (SQL Server converts such strings when
 * they meet a numeric operand); anything else is not numeric.
 */
export function parseNumericValue(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  return DECIMAL_TEXT.test(text) ? Number(text) : null;
}
