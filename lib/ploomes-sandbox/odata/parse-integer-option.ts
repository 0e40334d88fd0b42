import { ODataQueryError } from "./odata-query-error";

const DIGITS = /^\d+$/;

/** Parses $top/$skip: a non-negative integer no greater than `max`. */
export function parseIntegerOption(source: string, option: string, max: number): number {
  const text = source.trim();
  if (!DIGITS.test(text)) {
    throw new ODataQueryError(
      option,
      `Invalid ${option}: '${source}' is not an integer; ${option} must be between 0 and ${max}`,
    );
  }
  const value = Number(text);
  if (value > max) {
    throw new ODataQueryError(option, `${option} must be between 0 and ${max}`);
  }
  return value;
}
