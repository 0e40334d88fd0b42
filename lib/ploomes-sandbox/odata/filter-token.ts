import type { Token } from "@odata/parser";
import { readOwnProperty } from "./read-own-property";

// The parser package types every token value as `any`; these guards let the converter narrow
// them instead of trusting a shape that a future package version might change.

export function isFilterToken(value: unknown): value is Token {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { type?: unknown; raw?: unknown; position?: unknown };
  return (
    typeof candidate.type === "string" &&
    typeof candidate.raw === "string" &&
    typeof candidate.position === "number"
  );
}

/** Name carried by ODataIdentifier and LambdaVariableExpression tokens. */
export function readIdentifierName(token: Token): string | null {
  const name = readOwnProperty(token.value, "name");
  return typeof name === "string" ? name : null;
}
