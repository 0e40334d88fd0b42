import type { OrderByKey } from "./odata-query";
import { compareNonNullValues } from "./compare-non-null-values";
import { resolvePropertyPath } from "./resolve-property-path";

const TYPE_RANK: Readonly<Record<string, number>> = { boolean: 0, number: 1, string: 2 };

/** Stable sort by the $orderby keys; nulls sort first ascending, as in SQL Server. */
export function sortRecords<T extends object>(records: readonly T[], orderBy: readonly OrderByKey[]): T[] {
  const sorted = [...records];
  if (orderBy.length === 0) return sorted;
  return sorted.sort((a, b) => {
    for (const key of orderBy) {
      const order = compareForOrder(resolvePropertyPath(a, key.path), resolvePropertyPath(b, key.path));
      if (order !== 0) return key.direction === "asc" ? order : -order;
    }
    return 0;
  });
}

function compareForOrder(left: unknown, right: unknown): number {
  const leftIsNull = left === null || left === undefined;
  const rightIsNull = right === null || right === undefined;
  if (leftIsNull && rightIsNull) return 0;
  if (leftIsNull) return -1;
  if (rightIsNull) return 1;
  // Mixed, incomparable types still need a consistent order for the sort to be well defined.
  return compareNonNullValues(left, right) ?? Math.sign(rank(left) - rank(right));
}

function rank(value: unknown): number {
  return TYPE_RANK[typeof value] ?? 3;
}
