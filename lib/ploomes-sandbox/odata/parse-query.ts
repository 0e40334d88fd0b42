import type { ODataQuery } from "./odata-query";
import { parseQueryOptions } from "./parse-query-options";

/**
 * Parses the OData system query options of a request. Parameters without a `$` prefix are
 * custom options the sandbox may read itself, so they are ignored here; unknown `$` options and
 * malformed values throw ODataQueryError.
 */
export function parseODataQuery(params: URLSearchParams): ODataQuery {
  const systemOptions = [...params.entries()].filter(([name]) => name.trim().startsWith("$"));
  return parseQueryOptions(systemOptions);
}
