import { applyODataQuery } from "./odata/apply-query";
import type { ODataQueryResult } from "./odata/apply-query-options";
import { EMPTY_ODATA_QUERY, type ODataQuery } from "./odata/odata-query";
import { expandResolver } from "./build-expand-resolver";
import { preloadExpansions } from "./preload-expansions";
import type { EntitySet } from "./entity-sets";
import { loadEntityRecords } from "./load-entity-records";
import type { SandboxRecordData } from "./static-catalogs";

/** `GET /Entity?…`: the tenant's records through the OData engine. */
export async function queryRecords(tenantId: string, entity: EntitySet, query: ODataQuery): Promise<ODataQueryResult> {
  const records = await loadEntityRecords(tenantId, entity);
  const loaded = await preloadExpansions(tenantId, entity, query.expand, new Map([[entity.name, records]]));
  return applyODataQuery(records, query, { expand: expandResolver(entity, loaded) });
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
  const [shaped] = applyODataQuery([record], shaping, { expand: expandResolver(entity, loaded) }).value;
  return shaped ?? record;
}
