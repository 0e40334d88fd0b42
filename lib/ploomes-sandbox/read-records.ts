import { type EntitySet, entitySet, type Navigation, type SandboxRecordData } from "./entity-sets";
import {
  applyNestedQuery,
  applyODataQuery,
  type ApplyQueryOptions,
  type ExpandResolver,
  type ODataQueryResult,
} from "./odata/apply";
import { MAX_TOP } from "./odata/options";
import { EMPTY_ODATA_QUERY, type ExpandItem, type ODataQuery, ODataQueryError } from "./odata/query";
import { loadEntityRecords } from "./record-store";

// Reads: a tenant's records through the OData engine, with $expand in two steps. The engine resolves navigation
// synchronously, so every entity set a query reaches (nested expands included) is loaded first, once
// (preloadExpansions); the resolver then only looks records up. Navigation stored inside a record (Phones,
// OtherProperties) stays out of answers unless expanded, at every level: Ploomes answers without them
// (docs/ploomes-api.md, "Navigation properties").

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

/** Loads, into `loaded`, the records of every entity set that `expand` reaches from `entity`. */
async function preloadExpansions(
  tenantId: string,
  entity: EntitySet,
  expand: readonly ExpandItem[],
  loaded: LoadedRecords,
): Promise<LoadedRecords> {
  for (const item of expand) {
    const navigation = navigationOf(entity, item.property);
    if (navigation.kind === "inline") continue;
    const target = entitySet(navigation.target);
    if (!loaded.has(target.name)) loaded.set(target.name, await loadEntityRecords(tenantId, target));
    await preloadExpansions(tenantId, target, item.query.expand, loaded);
  }
  return loaded;
}

export type LoadedRecords = Map<string, SandboxRecordData[]>;

export function navigationOf(entity: EntitySet, property: string): Navigation {
  const navigation = Object.hasOwn(entity.navigation, property) ? entity.navigation[property] : undefined;
  if (!navigation) {
    throw new ODataQueryError("$expand", `Invalid $expand: ${property} is not a navigation property of ${entity.name}`);
  }
  return navigation;
}

function storedNavigation(entity: EntitySet): ReadonlySet<string> {
  return new Set(
    Object.entries(entity.navigation).flatMap(([property, navigation]) =>
      navigation.kind === "inline" ? [property] : [],
    ),
  );
}

/** How the engine shapes `entity` records: their navigation resolved from records loaded by preloadExpansions. */
export function shapingOptions(entity: EntitySet, loaded: LoadedRecords): ApplyQueryOptions {
  const byId = new Map<string, Map<unknown, SandboxRecordData>>();
  const index = (name: string) => {
    let map = byId.get(name);
    if (!map) {
      map = new Map((loaded.get(name) ?? []).map((record) => [record.Id, record]));
      byId.set(name, map);
    }
    return map;
  };

  const optionsFor = (current: EntitySet): ApplyQueryOptions => {
    const expand: ExpandResolver = (record, property, nestedQuery) => {
      const navigation = navigationOf(current, property);
      if (navigation.kind === "inline") return applyNestedQuery(record[property] ?? [], nestedQuery);
      const target = entitySet(navigation.target);
      const related =
        navigation.kind === "one"
          ? (index(target.name).get(record[navigation.foreignKey]) ?? null)
          : (loaded.get(target.name) ?? []).filter((candidate) => candidate[navigation.inverseKey] === record.Id);
      return applyNestedQuery(related, nestedQuery, optionsFor(target));
    };
    return { expand, navigation: storedNavigation(current) };
  };
  return optionsFor(entity);
}
