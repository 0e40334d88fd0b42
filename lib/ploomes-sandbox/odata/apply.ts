import { compareNonNullValues, evaluateFilter, resolvePropertyPath } from "./evaluate";
import { type ODataQuery, ODataQueryError, type OrderByKey, readOwnProperty } from "./query";

// Running a parsed query over in-memory records: $filter, $orderby, $skip/$top, then the projection by
// $select/$expand, whose navigation the caller (the sandbox) resolves through an ExpandResolver.

/** Runs a parsed query over in-memory records: $filter, $orderby, $skip/$top, then projection. */
export function applyODataQuery(
  records: readonly object[],
  query: ODataQuery,
  options: ApplyQueryOptions = {},
): ODataQueryResult {
  const { filter } = query;
  const matching = filter === null ? records : records.filter((record) => evaluateFilter(filter, record));
  const ordered = sortRecords(matching, query.orderBy);
  const end = query.top === null ? undefined : query.skip + query.top;
  const page = ordered.slice(query.skip, end);
  return {
    value: page.map((record) => projectRecord(record, query, options)),
    count: matching.length,
  };
}

/**
 * Shapes the value of an expanded navigation property with its nested options, using the same
 * engine as the top level. Collections get the full pipeline ($filter, $orderby, $skip/$top,
 * $select, $expand); a single related record only $select/$expand, as OData allows; null stays
 * null. Meant to be called from the sandbox's ExpandResolver.
 */
export function applyNestedQuery(value: unknown, query: ODataQuery, options: ApplyQueryOptions = {}): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    // Collections of primitives have no properties to filter or project.
    if (!value.every(isRecord)) return value;
    return applyODataQuery(value, query, options).value;
  }
  return isRecord(value) ? projectRecord(value, query, options) : value;
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Resolves one navigation property of one record for $expand. The sandbox owns relations, so it
 * finds the related record(s) and shapes them with `applyNestedQuery(related, nestedQuery, ...)`;
 * the engine stores whatever is returned (undefined becomes null) without touching it again.
 * Throw ODataQueryError for a navigation property the entity does not have.
 */
export type ExpandResolver = (
  record: Readonly<Record<string, unknown>>,
  navigationProperty: string,
  nestedQuery: ODataQuery,
) => unknown;

export interface ApplyQueryOptions {
  readonly expand?: ExpandResolver;
  /**
   * Navigation properties stored inside the record (Phones, OtherProperties): $filter sees them, but the answer
   * holds them only when $expand names them, as Ploomes' answers do — $select alone does not bring them.
   */
  readonly navigation?: ReadonlySet<string>;
}

export interface ODataQueryResult {
  /** The requested page, projected by $select/$expand. */
  readonly value: Record<string, unknown>[];
  /** Records matching $filter before $skip/$top, for `@odata.count` when `query.count` is set. */
  readonly count: number;
}

/**
 * Builds the response object for one record: the $select keys (all keys without $select, missing
 * ones as null) plus every $expand navigation property, which OData returns even when unselected.
 * Navigation properties come back only through $expand.
 */
function projectRecord(record: object, query: ODataQuery, options: ApplyQueryOptions): Record<string, unknown> {
  const source = record as Readonly<Record<string, unknown>>;
  const projected: Record<string, unknown> = {};
  const keys = query.select ?? Object.keys(source);
  for (const key of keys) {
    if (!options.navigation?.has(key)) projected[key] = readOwnProperty(source, key) ?? null;
  }
  for (const item of query.expand) {
    if (options.expand === undefined) {
      throw new ODataQueryError("$expand", `Invalid $expand: ${item.property} cannot be expanded here`);
    }
    projected[item.property] = options.expand(source, item.property, item.query) ?? null;
  }
  return projected;
}

const TYPE_RANK: Readonly<Record<string, number>> = { boolean: 0, number: 1, string: 2 };

/** Stable sort by the $orderby keys; nulls sort first ascending, as in SQL Server. */
function sortRecords<T extends object>(records: readonly T[], orderBy: readonly OrderByKey[]): T[] {
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
