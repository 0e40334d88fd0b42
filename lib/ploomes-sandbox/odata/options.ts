import { type FilterExpression, parseFilter } from "./filter";
import { EMPTY_ODATA_QUERY, type ExpandItem, type ODataQuery, ODataQueryError, type OrderByKey } from "./query";

// The system query options of a request ($filter, $select, $expand, $orderby, $top, $skip, $count) parsed into
// an ODataQuery; $filter's own grammar is in filter.ts.

/**
 * Parses the OData system query options of a request. Parameters without a `$` prefix are
 * custom options the sandbox may read itself, so they are ignored here; unknown `$` options and
 * malformed values throw ODataQueryError.
 */
export function parseODataQuery(params: URLSearchParams): ODataQuery {
  const systemOptions = [...params.entries()].filter(([name]) => name.trim().startsWith("$"));
  return parseQueryOptions(systemOptions);
}

/** Ploomes never returns more than 300 records per page and rejects a larger $top. */
export const MAX_TOP = 300;

const SUPPORTED_OPTIONS = "$filter, $select, $expand, $orderby, $top, $skip and $count";

/**
 * Parses system query options given as `[name, value]` pairs. Shared by the top level and by
 * the parenthesised options of an $expand item (`expandPath` names that item for errors).
 */
function parseQueryOptions(entries: Iterable<readonly [string, string]>, expandPath: string | null = null): ODataQuery {
  const label = (name: string): string => (expandPath === null ? name : `${name} (in $expand=${expandPath})`);
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
        expand = parseExpand(value, option, expandPath);
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

/**
 * Parses `Stages($select=Id,Name;$orderby=Ordination),Owner`. `parentPath` is the expand path
 * we are nested in (null at the top level), used to label errors in nested options.
 */
function parseExpand(source: string, option: string, parentPath: string | null): ExpandItem[] {
  const items = splitTopLevel(source, ",", option).map((item) => parseExpandItem(item, option, parentPath));
  const seen = new Set<string>();
  for (const { property } of items) {
    if (seen.has(property)) {
      throw new ODataQueryError(option, `Invalid ${option}: ${property} is expanded more than once`);
    }
    seen.add(property);
  }
  return items;
}

/** One `Nav` or `Nav(...)` item; the options in parentheses go through parseQueryOptions, labelled with their path. */
function parseExpandItem(item: string, option: string, parentPath: string | null): ExpandItem {
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
  return { property, query: parseQueryOptions(entries, path) };
}

/** Returns the selected property names, or null when `*` asks for every property. */
function parseSelect(source: string, option: string): string[] | null {
  const names = splitTopLevel(source, ",", option);
  if (names.includes("*")) return null;
  for (const name of names) {
    if (!isODataIdentifier(name)) {
      throw new ODataQueryError(
        option,
        `Invalid ${option}: '${name}' is not a property name (only top-level properties can be selected)`,
      );
    }
  }
  return [...new Set(names)];
}

/** Parses `Name desc,Id` into sort keys; only property paths are sortable. */
function parseOrderBy(source: string, option: string): OrderByKey[] {
  return splitTopLevel(source, ",", option).map((item) => {
    const [path = "", direction = "asc", ...rest] = item.split(/\s+/);
    const normalized = direction.toLowerCase();
    if (rest.length > 0 || (normalized !== "asc" && normalized !== "desc")) {
      throw new ODataQueryError(option, `Invalid ${option}: expected 'Property [asc|desc]', got '${item}'`);
    }
    return { path: parsePropertyPath(path, option), direction: normalized };
  });
}

const DIGITS = /^\d+$/;

/** Parses $top/$skip: a non-negative integer no greater than `max`. */
function parseIntegerOption(source: string, option: string, max: number): number {
  const text = source.trim();
  if (!DIGITS.test(text)) {
    throw new ODataQueryError(
      option,
      `Invalid ${option}: '${source}' is not an integer; ${option} must be between 0 and ${max}`,
    );
  }
  const value = Number(text);
  if (value > max) {
    throw new ODataQueryError(option, `${option} must be between 0 and ${max}`);
  }
  return value;
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

function isODataIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** Parses `Company/Name` into ["Company", "Name"]. */
function parsePropertyPath(source: string, option: string): string[] {
  const segments = source.split("/");
  for (const segment of segments) {
    if (!isODataIdentifier(segment)) {
      throw new ODataQueryError(option, `Invalid ${option}: '${source}' is not a property path`);
    }
  }
  return segments;
}

/**
 * Splits an option value on `separator`, ignoring separators nested in parentheses or inside
 * single-quoted strings (so `Stages($select=Id,Name),Owner` yields two items). Items are trimmed;
 * an empty item or unbalanced input is an error.
 */
export function splitTopLevel(source: string, separator: "," | ";", option: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    // A doubled quote inside a string toggles twice, which correctly leaves us inside it.
    if (char === "'") inString = !inString;
    if (inString) continue;
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth < 0) throw invalid(option, `unexpected ')' at position ${index}`);
    if (char === separator && depth === 0) {
      items.push(takeItem(source, start, index, option));
      start = index + 1;
    }
  }
  if (inString) throw invalid(option, "unterminated string literal");
  if (depth !== 0) throw invalid(option, "missing ')'");
  items.push(takeItem(source, start, source.length, option));
  return items;
}

function takeItem(source: string, start: number, end: number, option: string): string {
  const item = source.slice(start, end).trim();
  if (item === "") throw invalid(option, `empty item at position ${start}`);
  return item;
}

function invalid(option: string, reason: string): ODataQueryError {
  return new ODataQueryError(option, `Invalid ${option}: ${reason}`);
}
