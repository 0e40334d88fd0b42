import type { ApplyQueryOptions, ODataQueryResult } from "./apply-query-options";
import type { ODataQuery } from "./odata-query";
import { evaluateFilter } from "./evaluate-filter";
import { projectRecord } from "./project-record";
import { sortRecords } from "./sort-records";

/** Runs a parsed query over in-memory records: $filter, $orderby, $skip/$top, then projection. */
export function applyODataQuery(
  records: readonly object[],
  query: ODataQuery,
  options: ApplyQueryOptions = {},
): ODataQueryResult {
  const { filter } = query;
  const matching = filter === null ? records : records.filter((record) => evaluateFilter(filter, record));
  const ordered = sortRecords(matching, query.orderBy);
  const end = query.top === null ? undefined : query.skip + query.top;
  const page = ordered.slice(query.skip, end);
  return {
    value: page.map((record) => projectRecord(record, query, options)),
    count: matching.length,
  };
}
