import type { EntitySet } from "./entity-sets";
import { findStoredRecord, listStoredRecords } from "./sandbox-store";
import type { SandboxRecordData } from "./static-catalogs";

/** The records of an entity set as a tenant sees them: its own rows, or the fixed catalog. */
export async function loadEntityRecords(tenantId: string, entity: EntitySet): Promise<SandboxRecordData[]> {
  if (entity.staticRecords) return entity.staticRecords.map((record) => ({ ...record }));
  return listStoredRecords(tenantId, entity.name);
}

export async function findEntityRecord(tenantId: string, entity: EntitySet, id: number): Promise<SandboxRecordData | null> {
  if (entity.staticRecords) {
    const record = entity.staticRecords.find((candidate) => candidate.Id === id);
    return record ? { ...record } : null;
  }
  return findStoredRecord(tenantId, entity.name, id);
}
