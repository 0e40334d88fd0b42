import type { ApplyQueryOptions } from "./apply-query-options";
import type { ODataQuery } from "./odata-query";
import { ODataQueryError } from "./odata-query-error";
import { readOwnProperty } from "./read-own-property";

/**
 * Builds the response object for one record: the $select keys (all keys without $select, missing
 * ones as null) plus every $expand navigation property, which OData returns even when unselected.
 * Navigation properties come back only through $expand.
 */
export function projectRecord(
  record: object,
  query: ODataQuery,
  options: ApplyQueryOptions,
): Record<string, unknown> {
  const source = record as Readonly<Record<string, unknown>>;
  const projected: Record<string, unknown> = {};
  const keys = query.select ?? Object.keys(source);
  for (const key of keys) {
    if (!options.navigation?.has(key)) projected[key] = readOwnProperty(source, key) ?? null;
  }
  for (const item of query.expand) {
    if (options.expand === undefined) {
      throw new ODataQueryError(
        "$expand",
        `Invalid $expand: ${item.property} cannot be expanded here`,
      );
    }
    projected[item.property] = options.expand(source, item.property, item.query) ?? null;
  }
  return projected;
}
