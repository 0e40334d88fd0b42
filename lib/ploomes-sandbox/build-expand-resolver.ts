import type { ApplyQueryOptions, ExpandResolver } from "./odata/apply-query-options";
import { applyNestedQuery } from "./odata/apply-nested-query";
import { ODataQueryError } from "./odata/odata-query-error";
import { type EntitySet, type Navigation, entitySet } from "./entity-sets";
import type { SandboxRecordData } from "./static-catalogs";

// $expand in two steps: the engine resolves navigation synchronously, so every entity set a query reaches
// (nested expands included) is loaded first, once (preload-expansions.ts); the resolver then only looks
// records up. Navigation stored inside a record (Phones, OtherProperties) stays out of answers unless expanded,
// at every level: Ploomes answers without them (docs/ploomes-api.md, "Navigation properties").

export type LoadedRecords = Map<string, SandboxRecordData[]>;

export function navigationOf(entity: EntitySet, property: string): Navigation {
  const navigation = Object.hasOwn(entity.navigation, property) ? entity.navigation[property] : undefined;
  if (!navigation) {
    throw new ODataQueryError("$expand", `Invalid $expand: ${property} is not a navigation property of ${entity.name}`);
  }
  return navigation;
}

function storedNavigation(entity: EntitySet): ReadonlySet<string> {
  return new Set(Object.entries(entity.navigation).flatMap(([property, navigation]) => (navigation.kind === "inline" ? [property] : [])));
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
