import type { FilterFunctionName } from "./filter-expression";

/** String functions are case-insensitive, matching LIKE under SQL Server's default collation. */
export function callFilterFunction(name: FilterFunctionName, args: readonly unknown[]): unknown {
  const first = toText(args[0]);
  switch (name) {
    case "tolower":
      return first?.toLowerCase() ?? null;
    case "toupper":
      return first?.toUpperCase() ?? null;
    case "contains":
    case "startswith":
    case "endswith": {
      const second = toText(args[1]);
      if (first === null || second === null) return false;
      const text = first.toLowerCase();
      const part = second.toLowerCase();
      if (name === "contains") return text.includes(part);
      return name === "startswith" ? text.startsWith(part) : text.endsWith(part);
    }
  }
}

function toText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}
