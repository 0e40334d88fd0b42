/**
 * Reads a property the way a JSON record has it: own keys only, so names like "constructor" or
 * "toString" coming from a query never reach Object.prototype, and arrays have no properties.
 */
export function readOwnProperty(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
