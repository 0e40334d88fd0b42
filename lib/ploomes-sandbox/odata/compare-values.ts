import type { ComparisonOperator } from "./filter-expression";
import { compareNonNullValues } from "./compare-non-null-values";

/**
 * Null handling follows the .NET/EF semantics Ploomes exposes: `null eq null` is true, `ne` is
 * the negation of `eq`, and ordering comparisons involving null are false.
 */
export function compareValues(operator: ComparisonOperator, left: unknown, right: unknown): boolean {
  const leftIsNull = left === null || left === undefined;
  const rightIsNull = right === null || right === undefined;
  if (leftIsNull || rightIsNull) {
    if (operator === "eq") return leftIsNull && rightIsNull;
    if (operator === "ne") return !(leftIsNull && rightIsNull);
    return false;
  }
  const order = compareNonNullValues(left, right);
  // Values of unrelated types are simply different.
  if (order === null) return operator === "ne";
  switch (operator) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}
