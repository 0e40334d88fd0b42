import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { readStandardField } from "@/lib/jivo/standard-fields";
import { CUSTOM_PREFIX, type FieldMapping, type TargetEntity } from "@/lib/integration-model/settings-schema";
import type { OtherPropertyInput, PhoneInput } from "@/lib/ploomes/input-schemas";
import { phoneSearchCandidates, ploomesPhone } from "@/lib/phone/phone-candidates";
import { parseNumber, toOtherProperty, type FieldType } from "@/lib/ploomes/convert-field-value";
import type { SyncWarning } from "./sync-outcome";

/** The mapped values of one record, before ids (company, owner, origin…) are known. */
export type RecordDraft = {
  standard: Record<string, string | number>;
  phones: PhoneInput[];
  otherProperties: OtherPropertyInput[];
};

export type RecordDrafts = Record<TargetEntity, RecordDraft> & {
  lookup: { email: string | null; phones: number[]; companyNames: string[] };
  warnings: SyncWarning[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emptyDraft = (): RecordDraft => ({ standard: {}, phones: [], otherProperties: [] });

export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "");
}

/**
 * Applies the field mapping to an event: each mapped JivoChat value lands in its record's standard field or
 * custom field (converted to the field's native type). Values that cannot convert are skipped with a warning.
 */
export function buildRecordBodies(
  event: JivoEvent,
  mappings: FieldMapping[],
  fieldTypes: Map<string, FieldType>,
): RecordDrafts {
  const drafts: RecordDrafts = {
    company: emptyDraft(),
    person: emptyDraft(),
    deal: emptyDraft(),
    lead: emptyDraft(),
    lookup: { email: null, phones: [], companyNames: [] },
    warnings: [],
  };
  for (const mapping of mappings) {
    const value = readStandardField(mapping.source, event);
    if (value === null || value === "") continue;
    const draft = drafts[mapping.entity];
    const warn = (code: SyncWarning["code"]) =>
      drafts.warnings.push({
        code,
        field: `${mapping.entity}.${mapping.field}`,
        source: mapping.source,
        value: String(value).slice(0, 120),
      });

    if (mapping.field.startsWith(CUSTOM_PREFIX)) {
      const key = mapping.field.slice(CUSTOM_PREFIX.length);
      const type = fieldTypes.get(key);
      if (!type) {
        warn("unknown_custom_field");
        continue;
      }
      const property = toOtherProperty(key, type, value);
      if (property) draft.otherProperties.push(property);
      else warn("value_not_converted");
      continue;
    }
    if (mapping.field === "Phones") {
      const phone = ploomesPhone(value);
      // Ploomes' country ids are only known for Brazil; for other numbers the international format says it all.
      if (phone) draft.phones.push(phone.CountryId ? phone : { PhoneNumber: phone.PhoneNumber });
      else warn("invalid_phone");
      continue;
    }
    if (mapping.field === "Email") {
      const email = String(value).trim().toLowerCase();
      if (EMAIL.test(email)) draft.standard.Email = email;
      else warn("invalid_email");
      continue;
    }
    if (mapping.field === "Amount") {
      const amount = parseNumber(value);
      if (amount === null) warn("value_not_converted");
      else draft.standard.Amount = amount;
      continue;
    }
    draft.standard[mapping.field] = String(value).slice(0, 4000);
  }

  // Look-up keys: the mapped values, else the visitor's own e-mail, phone and organization (dedupe must work
  // whatever the mapping writes where).
  const mappedEmail = drafts.person.standard.Email;
  const visitorEmail = event.visitor.email && EMAIL.test(event.visitor.email) ? event.visitor.email : null;
  drafts.lookup.email = typeof mappedEmail === "string" ? mappedEmail : visitorEmail;
  const rawPhones = mappings
    .filter((mapping) => mapping.entity === "person" && mapping.field === "Phones")
    .map((mapping) => readStandardField(mapping.source, event));
  drafts.lookup.phones = [...new Set([...rawPhones, event.visitor.phone].flatMap((raw) => phoneSearchCandidates(raw)))];
  const mappedCompany = drafts.company.standard.Name;
  const companyName = (typeof mappedCompany === "string" ? mappedCompany : event.organizationName)?.trim();
  if (companyName) drafts.lookup.companyNames = [...new Set([companyName, stripAccents(companyName)])];
  return drafts;
}
