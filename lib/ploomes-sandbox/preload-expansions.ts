import type { ExpandItem } from "./odata/odata-query";
import { type LoadedRecords, navigationOf } from "./build-expand-resolver";
import { type EntitySet, entitySet } from "./entity-sets";
import { loadEntityRecords } from "./load-entity-records";

/** Loads, into `loaded`, the records of every entity set that `expand` reaches from `entity`. */
export async function preloadExpansions(
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
