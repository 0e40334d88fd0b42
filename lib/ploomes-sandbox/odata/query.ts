import type { FilterExpression } from "./filter";

// The parsed query both halves of the engine share: the parser (options.ts, filter.ts) builds it, the
// evaluator and apply.ts run it. Its one error type, and the one safe way to read a JSON record's property.

export interface OrderByKey {
  readonly path: readonly string[];
  readonly direction: "asc" | "desc";
}

export interface ExpandItem {
  /** Navigation property name, e.g. "Stages". */
  readonly property: string;
  /** Options given in parentheses; an empty query when there were none. */
  readonly query: ODataQuery;
}

export interface ODataQuery {
  readonly filter: FilterExpression | null;
  /** Null means "no $select": every key of the record is returned. */
  readonly select: readonly string[] | null;
  readonly expand: readonly ExpandItem[];
  readonly orderBy: readonly OrderByKey[];
  /** Null means "no $top". */
  readonly top: number | null;
  readonly skip: number;
  readonly count: boolean;
}

export const EMPTY_ODATA_QUERY: ODataQuery = Object.freeze({
  filter: null,
  select: null,
  expand: [],
  orderBy: [],
  top: null,
  skip: 0,
  count: false,
});

/**
 * The single error type of the OData engine. The sandbox turns it into a 400 response, so the
 * message must tell the API client which option is wrong and why.
 */
export class ODataQueryError extends Error {
  /** The query option at fault, e.g. "$filter" or "$top (in $expand=Stages)". */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = "ODataQueryError";
    this.option = option;
  }
}

/**
 * Reads a property the way a JSON record has it: own keys only, so names like "constructor" or
 * "toString" coming from a query never reach Object.prototype, and arrays have no properties.
 */
export function readOwnProperty(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
