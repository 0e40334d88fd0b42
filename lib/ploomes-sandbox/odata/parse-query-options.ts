import type { FilterExpression } from "./filter-expression";
import type { ExpandItem, ODataQuery, OrderByKey } from "./odata-query";
import { ODataQueryError } from "./odata-query-error";
import { parseExpand } from "./parse-expand";
import { parseFilter } from "./parse-filter";
import { parseIntegerOption } from "./parse-integer-option";
import { parseOrderBy } from "./parse-order-by";
import { parseSelect } from "./parse-select";

/** Ploomes never returns more than 300 records per page and rejects a larger $top. */
export const MAX_TOP = 300;

const SUPPORTED_OPTIONS = "$filter, $select, $expand, $orderby, $top, $skip and $count";

/**
 * Parses system query options given as `[name, value]` pairs. Shared by the top level and by
 * the parenthesised options of an $expand item (`expandPath` names that item for errors).
 */
export function parseQueryOptions(
  entries: Iterable<readonly [string, string]>,
  expandPath: string | null = null,
): ODataQuery {
  const label = (name: string): string =>
    expandPath === null ? name : `${name} (in $expand=${expandPath})`;
  let filter: FilterExpression | null = null;
  let select: string[] | null = null;
  let expand: ExpandItem[] = [];
  let orderBy: OrderByKey[] = [];
  let top: number | null = null;
  let skip = 0;
  let count = false;
  const seen = new Set<string>();

  for (const [rawName, value] of entries) {
    const name = rawName.trim().toLowerCase();
    const option = label(name);
    if (seen.has(name)) {
      throw new ODataQueryError(option, `Invalid ${option}: the option is specified more than once`);
    }
    seen.add(name);
    switch (name) {
      case "$filter":
        filter = parseFilter(value, option);
        break;
      case "$select":
        select = parseSelect(value, option);
        break;
      case "$expand":
        expand = parseExpand(value, option, expandPath, parseQueryOptions);
        break;
      case "$orderby":
        orderBy = parseOrderBy(value, option);
        break;
      case "$top":
        top = parseIntegerOption(value, option, MAX_TOP);
        break;
      case "$skip":
        skip = parseIntegerOption(value, option, Number.MAX_SAFE_INTEGER);
        break;
      case "$count":
        count = parseBooleanOption(value, option);
        break;
      default:
        throw new ODataQueryError(
          rawName.trim(),
          `Unknown query option ${label(rawName.trim())}: supported options are ${SUPPORTED_OPTIONS}`,
        );
    }
  }
  return { filter, select, expand, orderBy, top, skip, count };
}

function parseBooleanOption(source: string, option: string): boolean {
  const text = source.trim().toLowerCase();
  if (text === "true" || text === "false") return text === "true";
  throw new ODataQueryError(option, `Invalid ${option}: expected true or false, got '${source}'`);
}
