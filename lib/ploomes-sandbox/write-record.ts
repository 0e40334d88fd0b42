import type { EntitySet, SandboxRecordData, WriteRules } from "./entity-sets";
import { SandboxError } from "./http";
import { checkOtherProperties, checkReferences } from "./record-checks";
import { parseRecordBody, type OtherProperty } from "./record-schemas";
import { findStoredRecord, insertStoredRecord, listStoredRecords, replaceStoredRecord } from "./record-store";

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

export async function updateRecord(
  tenantId: string,
  entity: EntitySet,
  id: number,
  body: unknown,
): Promise<SandboxRecordData> {
  const rules = writeRules(entity);
  const existing = await findStoredRecord(tenantId, entity.name, id);
  if (!existing) throw new SandboxError(404, `${entity.name}(${id}) does not exist.`);
  const patch = parseRecordBody(entity, rules, body, true);
  const record = { ...mergeRecord(existing, patch), LastUpdateDate: new Date().toISOString() };
  const updated = await replaceStoredRecord(
    tenantId,
    entity.name,
    id,
    await completeRecord(tenantId, entity, rules, record, patch),
  );
  if (!updated) throw new SandboxError(404, `${entity.name}(${id}) does not exist.`);
  return updated;
}

type ValueByKey = { FieldKey: string };

/**
 * A PATCH applied to a stored record: given properties replace the stored ones (Phones included, as a whole),
 * except OtherProperties, which change field by field — a PATCH that sets one custom field keeps the others.
 */
export function mergeRecord(existing: SandboxRecordData, patch: SandboxRecordData): SandboxRecordData {
  const merged = { ...existing, ...patch };
  if (Array.isArray(patch.OtherProperties) && Array.isArray(existing.OtherProperties)) {
    const byKey = new Map<string, unknown>();
    for (const item of existing.OtherProperties as ValueByKey[]) byKey.set(item.FieldKey, item);
    for (const item of patch.OtherProperties as ValueByKey[]) byKey.set(item.FieldKey, item);
    merged.OtherProperties = [...byKey.values()];
  }
  return merged;
}

// `Phones[].SearchPhoneNumber`: the number Ploomes lets clients filter on. Ploomes does not document how it is
// derived; the sandbox stores the international form for Brazilian numbers — country code 55 + area code +
// subscriber number, e.g. "(11) 91234-5678" → 5511912345678 — because that is the form that identifies a number
// regardless of how it was typed, and what the phone field shows once a country is set. Clients must not rely
// on either form: they query the national and the 55-prefixed form together (lib/phone/phone-candidates.ts),
// and the sandbox answering only the 55 form proves they do.

const BRAZIL_COUNTRY_ID = 76;

/**
 * Digits of the number as a number; a Brazilian (CountryId 76) number written nationally — 10 digits for a
 * landline, 11 for a mobile, after dropping a trunk "0" — gets 55 in front. Numbers already written with 55
 * (12–13 digits) and other countries' numbers keep their digits. Null when there is nothing to search by.
 */
export function searchPhoneNumber(phoneNumber: string, countryId: number | null | undefined): number | null {
  const digits = phoneNumber.replace(/\D/g, "").replace(/^0+/, "");
  if (digits === "") return null;
  const national = countryId === BRAZIL_COUNTRY_ID && (digits.length === 10 || digits.length === 11);
  const value = Number(national ? `55${digits}` : digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** The record with its phones as Ploomes stores them: every phone carries its SearchPhoneNumber. */
export function withSearchPhoneNumbers<T extends Record<string, unknown>>(record: T): T {
  if (!Array.isArray(record.Phones)) return record.Phones === null ? { ...record, Phones: [] } : record;
  const phones = (record.Phones as { PhoneNumber: string; TypeId?: number | null; CountryId?: number | null }[]).map(
    (phone) => ({
      PhoneNumber: phone.PhoneNumber,
      TypeId: phone.TypeId ?? null,
      CountryId: phone.CountryId ?? null,
      SearchPhoneNumber: searchPhoneNumber(phone.PhoneNumber, phone.CountryId),
    }),
  );
  return { ...record, Phones: phones };
}
