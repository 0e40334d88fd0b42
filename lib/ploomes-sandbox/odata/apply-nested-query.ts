import type { ApplyQueryOptions } from "./apply-query-options";
import type { ODataQuery } from "./odata-query";
import { applyODataQuery } from "./apply-query";
import { projectRecord } from "./project-record";

/**
 * Shapes the value of an expanded navigation property with its nested options, using the same
 * engine as the top level. Collections get the full pipeline ($filter, $orderby, $skip/$top,
 * $select, $expand); a single related record only $select/$expand, as OData allows; null stays
 * null. Meant to be called from the sandbox's ExpandResolver.
 */
export function applyNestedQuery(
  value: unknown,
  query: ODataQuery,
  options: ApplyQueryOptions = {},
): unknown {
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
