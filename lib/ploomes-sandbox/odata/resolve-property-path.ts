import { readOwnProperty } from "./read-own-property";

/** Follows `Company/Name`-style paths; any missing step yields undefined (Ploomes' null). */
export function resolvePropertyPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    current = readOwnProperty(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}
