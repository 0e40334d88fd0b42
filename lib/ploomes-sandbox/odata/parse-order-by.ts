import type { OrderByKey } from "./odata-query";
import { ODataQueryError } from "./odata-query-error";
import { parsePropertyPath } from "./parse-property-path";
import { splitTopLevel } from "./split-top-level";

/** Parses `Name desc,Id` into sort keys; only property paths are sortable. */
export function parseOrderBy(source: string, option: string): OrderByKey[] {
  return splitTopLevel(source, ",", option).map((item) => {
    const [path = "", direction = "asc", ...rest] = item.split(/\s+/);
    const normalized = direction.toLowerCase();
    if (rest.length > 0 || (normalized !== "asc" && normalized !== "desc")) {
      throw new ODataQueryError(
        option,
        `Invalid ${option}: expected 'Property [asc|desc]', got '${item}'`,
      );
    }
    return { path: parsePropertyPath(path, option), direction: normalized };
  });
}
