import type { Token } from "@odata/parser";
import type { DateTimeExpression, LiteralExpression } from "./filter-expression";

const NUMERIC_EDM_TYPES: ReadonlySet<string> = new Set([
  "Edm.SByte",
  "Edm.Byte",
  "Edm.Int16",
  "Edm.Int32",
  "Edm.Int64",
  "Edm.Decimal",
  "Edm.Double",
  "Edm.Single",
]);

/**
 * Turns a parser Literal token into our literal node. `fail` throws the caller's
 * ODataQueryError so the message names the right option.
 */
export function convertFilterLiteral(
  token: Token,
  fail: (reason: string) => never,
): LiteralExpression | DateTimeExpression {
  const edmType: unknown = token.value;
  const raw = token.raw;
  // The package tags the null literal with the pseudo-type "null".
  if (edmType === "null" || edmType === null) return { kind: "literal", value: null };
  if (edmType === "Edm.String") return { kind: "literal", value: unquoteString(raw, fail) };
  if (edmType === "Edm.Boolean") return { kind: "literal", value: raw.toLowerCase() === "true" };
  // SQL Server compares uniqueidentifiers case-insensitively, as we do with strings.
  if (edmType === "Edm.Guid") return { kind: "literal", value: raw };
  if (typeof edmType === "string" && NUMERIC_EDM_TYPES.has(edmType)) {
    const value = Number(raw);
    if (!Number.isFinite(value)) fail(`number literal ${raw} is not supported`);
    return { kind: "literal", value };
  }
  if (edmType === "Edm.DateTimeOffset" || edmType === "Edm.Date") {
    const epochMs = Date.parse(raw);
    if (Number.isNaN(epochMs)) fail(`invalid date literal ${raw}`);
    return { kind: "datetime", epochMs };
  }
  return fail(`literal ${raw} (${String(edmType)}) is not supported`);
}

function unquoteString(raw: string, fail: (reason: string) => never): string {
  if (raw.length < 2 || !raw.startsWith("'") || !raw.endsWith("'")) {
    fail(`malformed string literal ${raw}`);
  }
  // OData escapes a quote inside a string by doubling it: 'O''Brien'.
  return raw.slice(1, -1).split("''").join("'");
}
