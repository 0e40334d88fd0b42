import type { ExpandItem, ODataQuery } from "./odata-query";
import { EMPTY_ODATA_QUERY } from "./odata-query";
import { ODataQueryError } from "./odata-query-error";
import { isODataIdentifier } from "./parse-property-path";
import { splitTopLevel } from "./split-top-level";

/**
 * Parses the options inside `Nav(...)`. Injected rather than imported because the options parser
 * itself calls parseExpand, and a callback keeps the module graph acyclic.
 */
export type NestedOptionsParser = (
  entries: ReadonlyArray<readonly [string, string]>,
  expandPath: string,
) => ODataQuery;

/**
 * Parses `Stages($select=Id,Name;$orderby=Ordination),Owner`. `parentPath` is the expand path
 * we are nested in (null at the top level), used to label errors in nested options.
 */
export function parseExpand(
  source: string,
  option: string,
  parentPath: string | null,
  parseNested: NestedOptionsParser,
): ExpandItem[] {
  const items = splitTopLevel(source, ",", option).map((item) =>
    parseExpandItem(item, option, parentPath, parseNested),
  );
  const seen = new Set<string>();
  for (const { property } of items) {
    if (seen.has(property)) {
      throw new ODataQueryError(option, `Invalid ${option}: ${property} is expanded more than once`);
    }
    seen.add(property);
  }
  return items;
}

function parseExpandItem(
  item: string,
  option: string,
  parentPath: string | null,
  parseNested: NestedOptionsParser,
): ExpandItem {
  const open = item.indexOf("(");
  const property = (open === -1 ? item : item.slice(0, open)).trim();
  if (!isODataIdentifier(property)) {
    throw new ODataQueryError(
      option,
      `Invalid ${option}: '${property}' is not a navigation property name (nest $expand for deeper levels)`,
    );
  }
  if (open === -1) return { property, query: EMPTY_ODATA_QUERY };
  if (!item.endsWith(")")) {
    throw new ODataQueryError(option, `Invalid ${option}: unexpected text after the options of ${property}`);
  }
  const inner = item.slice(open + 1, -1);
  if (inner.trim() === "") {
    throw new ODataQueryError(option, `Invalid ${option}: empty options for ${property}`);
  }
  const entries = splitTopLevel(inner, ";", option).map((part) => {
    const equals = part.indexOf("=");
    if (equals <= 0) {
      throw new ODataQueryError(
        option,
        `Invalid ${option}: expected '$option=value' inside ${property}(...), got '${part}'`,
      );
    }
    return [part.slice(0, equals), part.slice(equals + 1)] as const;
  });
  const path = parentPath === null ? property : `${parentPath}/${property}`;
  return { property, query: parseNested(entries, path) };
}
