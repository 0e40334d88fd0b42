import type { EntitySet, WriteRules } from "./entity-sets";
import { checkOtherProperties } from "./check-other-properties";
import { checkReferences } from "./check-references";
import { mergeRecord } from "./merge-record";
import { parseRecordBody } from "./parse-record-body";
import type { OtherProperty } from "./record-schemas";
import { SandboxError } from "./sandbox-error";
import { findStoredRecord, insertStoredRecord, listStoredRecords, replaceStoredRecord } from "./sandbox-store";
import { withSearchPhoneNumbers } from "./search-phone-number";
import type { SandboxRecordData } from "./static-catalogs";

// POST and PATCH: validate the body, check what it points at, derive what Ploomes derives (a deal's funnel,
// phones' SearchPhoneNumber, dates) and store.

function writeRules(entity: EntitySet): WriteRules {
  if (!entity.write) throw new SandboxError(405, `${entity.name} cannot be written in the sandbox.`);
  return entity.write;
}

/** `changes` are the properties the body set: only new custom-field values are checked against Fields. */
async function completeRecord(
  tenantId: string,
  entity: EntitySet,
  rules: WriteRules,
  record: SandboxRecordData,
  changes: SandboxRecordData,
): Promise<SandboxRecordData> {
  const references = await checkReferences(tenantId, entity, record);
  const completed = rules.complete ? rules.complete(record, references, changes) : record;
  const values = changes.OtherProperties as OtherProperty[] | null | undefined;
  if (rules.customFieldsEntityId && values?.length) {
    const fields = await listStoredRecords(tenantId, "Fields");
    const problem = checkOtherProperties(values, fields, rules.customFieldsEntityId);
    if (problem) throw new SandboxError(400, problem);
  }
  return withSearchPhoneNumbers(completed.OtherProperties === null ? { ...completed, OtherProperties: [] } : completed);
}

export async function createRecord(tenantId: string, entity: EntitySet, body: unknown): Promise<SandboxRecordData> {
  const rules = writeRules(entity);
  const input = parseRecordBody(entity, rules, body, false);
  const now = new Date().toISOString();
  const record = { ...rules.defaults(), ...input, CreateDate: now, LastUpdateDate: now };
  return insertStoredRecord(tenantId, entity.name, await completeRecord(tenantId, entity, rules, record, input));
}

export async function updateRecord(tenantId: string, entity: EntitySet, id: number, body: unknown): Promise<SandboxRecordData> {
  const rules = writeRules(entity);
  const existing = await findStoredRecord(tenantId, entity.name, id);
  if (!existing) throw new SandboxError(404, `${entity.name}(${id}) does not exist.`);
  const patch = parseRecordBody(entity, rules, body, true);
  const record = { ...mergeRecord(existing, patch), LastUpdateDate: new Date().toISOString() };
  const updated = await replaceStoredRecord(tenantId, entity.name, id, await completeRecord(tenantId, entity, rules, record, patch));
  if (!updated) throw new SandboxError(404, `${entity.name}(${id}) does not exist.`);
  return updated;
}
