import type { ODataQuery } from "./odata-query";

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
