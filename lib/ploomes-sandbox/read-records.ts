import { applyODataQuery } from "./odata/apply-query";
import type { ODataQueryResult } from "./odata/apply-query-options";
import { EMPTY_ODATA_QUERY, type ODataQuery } from "./odata/odata-query";
import { MAX_TOP } from "./odata/parse-query-options";
import { shapingOptions } from "./build-expand-resolver";
import { preloadExpansions } from "./preload-expansions";
import type { EntitySet } from "./entity-sets";
import { loadEntityRecords } from "./load-entity-records";
import type { SandboxRecordData } from "./static-catalogs";

/**
 * `GET /Entity?…`: the tenant's records through the OData engine. Without $top a page still ends at 300
 * records, Ploomes' maximum, so a client that forgets to page loses records here as it would there.
 */
export async function queryRecords(tenantId: string, entity: EntitySet, query: ODataQuery): Promise<ODataQueryResult> {
  const records = await loadEntityRecords(tenantId, entity);
  const loaded = await preloadExpansions(tenantId, entity, query.expand, new Map([[entity.name, records]]));
  const paged = query.top === null ? { ...query, top: MAX_TOP } : query;
  return applyODataQuery(records, paged, shapingOptions(entity, loaded));
}

/**
 * One record shaped by the request's $select/$expand (for `GET /Entity(id)` and write answers); the other
 * options have no meaning for a single record and are ignored, as OData does.
 */
export async function shapeRecord(
  tenantId: string,
  entity: EntitySet,
  record: SandboxRecordData,
  query: ODataQuery,
): Promise<Record<string, unknown>> {
  const shaping: ODataQuery = { ...EMPTY_ODATA_QUERY, select: query.select, expand: query.expand };
  const loaded = await preloadExpansions(tenantId, entity, query.expand, new Map());
  const [shaped] = applyODataQuery([record], shaping, shapingOptions(entity, loaded)).value;
  return shaped ?? record;
}
