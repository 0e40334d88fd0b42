import type { FilterExpression } from "./filter-expression";

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
