import { type EntitySet, entitySet } from "./entity-sets";
import { findEntityRecord } from "./load-entity-records";
import { SandboxError } from "./sandbox-error";
import type { SandboxRecordData } from "./static-catalogs";

/**
 * Every foreign key the record sets must point at an existing record of the tenant (a deal's stage, a person's
 * company…), as Ploomes refuses a write to a missing one with a 400. Returns the referenced records by key.
 */
export async function checkReferences(
  tenantId: string,
  entity: EntitySet,
  record: SandboxRecordData,
): Promise<Map<string, SandboxRecordData>> {
  const references = new Map<string, SandboxRecordData>();
  await Promise.all(
    Object.values(entity.navigation).map(async (navigation) => {
      if (navigation.kind !== "one") return;
      const value = record[navigation.foreignKey];
      if (value === null || value === undefined) return;
      const found = typeof value === "number" ? await findEntityRecord(tenantId, entitySet(navigation.target), value) : null;
      if (!found) {
        throw new SandboxError(400, `${navigation.foreignKey} ${String(value)} does not exist (${navigation.target}).`);
      }
      for (const [key, expected] of Object.entries(navigation.where ?? {})) {
        if (found[key] !== expected) {
          throw new SandboxError(
            400,
            `${navigation.foreignKey} ${String(value)} must be a ${navigation.target} record with ${key} ${String(expected)}.`,
          );
        }
      }
      references.set(navigation.foreignKey, found);
    }),
  );
  return references;
}
