import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import type { EntitySet, SandboxRecordData } from "./entity-sets";

// Records of a tenant as JSON rows. The row's autoincrement id IS the Ploomes `Id`: the database hands out
// ids, so concurrent creates never collide, and `data` never holds the Id, so the two cannot disagree.
// Lists load every row of one tenant and entity and leave filtering to the OData engine — fine for the
// thousands of rows a sandbox holds.

/** systemDb, or the client of a transaction (seeding writes a whole tenant at once). */
export type SandboxDb = Pick<Prisma.TransactionClient, "sandboxRecord">;

// SandboxRecord.id is a 32-bit integer (SERIAL on PostgreSQL); a larger id cannot exist and must not reach the query.
const MAX_ROW_ID = 2_147_483_647;

function withId(id: number, data: SandboxRecordData): SandboxRecordData {
  const { Id: _stale, ...rest } = data;
  return { Id: id, ...rest };
}

function toRecord(row: { id: number; data: string }): SandboxRecordData {
  return withId(row.id, JSON.parse(row.data) as SandboxRecordData);
}

function serialize(data: SandboxRecordData): string {
  const { Id: _id, ...rest } = data;
  return JSON.stringify(rest);
}

/** Every record of the entity, oldest first. */
export async function listStoredRecords(
  tenantId: string,
  entity: string,
  db: SandboxDb = systemDb,
): Promise<SandboxRecordData[]> {
  const rows = await db.sandboxRecord.findMany({
    where: { tenantId, entity },
    orderBy: { id: "asc" },
    select: { id: true, data: true },
  });
  return rows.map(toRecord);
}

export async function findStoredRecord(
  tenantId: string,
  entity: string,
  id: number,
): Promise<SandboxRecordData | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) return null;
  const row = await systemDb.sandboxRecord.findFirst({
    where: { id, tenantId, entity },
    select: { id: true, data: true },
  });
  return row ? toRecord(row) : null;
}

export async function insertStoredRecord(
  tenantId: string,
  entity: string,
  data: SandboxRecordData,
  db: SandboxDb = systemDb,
): Promise<SandboxRecordData> {
  const row = await db.sandboxRecord.create({
    data: { tenantId, entity, data: serialize(data) },
    select: { id: true, data: true },
  });
  return toRecord(row);
}

/** Replaces the record's data; null when the tenant has no such record. */
export async function replaceStoredRecord(
  tenantId: string,
  entity: string,
  id: number,
  data: SandboxRecordData,
): Promise<SandboxRecordData | null> {
  const { count } = await systemDb.sandboxRecord.updateMany({
    where: { id, tenantId, entity },
    data: { data: serialize(data) },
  });
  return count === 0 ? null : withId(id, data);
}

export async function deleteStoredRecord(tenantId: string, entity: string, id: number): Promise<boolean> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) return false;
  const { count } = await systemDb.sandboxRecord.deleteMany({ where: { id, tenantId, entity } });
  return count > 0;
}

export async function deleteTenantRecords(tenantId: string, db: SandboxDb = systemDb): Promise<void> {
  await db.sandboxRecord.deleteMany({ where: { tenantId } });
}

/** The records of an entity set as a tenant sees them: its own rows, or the fixed catalog. */
export async function loadEntityRecords(tenantId: string, entity: EntitySet): Promise<SandboxRecordData[]> {
  if (entity.staticRecords) return entity.staticRecords.map((record) => ({ ...record }));
  return listStoredRecords(tenantId, entity.name);
}

export async function findEntityRecord(
  tenantId: string,
  entity: EntitySet,
  id: number,
): Promise<SandboxRecordData | null> {
  if (entity.staticRecords) {
    const record = entity.staticRecords.find((candidate) => candidate.Id === id);
    return record ? { ...record } : null;
  }
  return findStoredRecord(tenantId, entity.name, id);
}
