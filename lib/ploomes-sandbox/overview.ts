import type { SandboxRecordData } from "./entity-sets";
import { listStoredRecords } from "./record-store";

// What the Sandbox page shows of a tenant: its records newest first, with the ids they hold resolved to
// names. Values come from stored JSON that any API client wrote, so nothing is trusted to have its type.

/** `property` is where the value was stored (`DateTimeValue`, `BoolValue`…), which says how to show it. */
export type CustomFieldValue = { name: string; property: string; value: string | number | boolean };
type Named = { id: number; name: string } | null;

export type ContactRow = {
  id: number;
  typeId: number | null;
  name: string;
  email: string | null;
  phones: string[];
  company: Named;
  customFields: CustomFieldValue[];
  createDate: string | null;
};

export type DealRow = {
  id: number;
  title: string;
  pipelineName: string | null;
  stageName: string | null;
  contact: Named;
  person: Named;
  statusId: number | null;
  amount: number | null;
  customFields: CustomFieldValue[];
  createDate: string | null;
};

export type LeadRow = {
  id: number;
  personName: string | null;
  companyName: string | null;
  email: string | null;
  phones: string[];
  customFields: CustomFieldValue[];
  createDate: string | null;
};

export type InteractionRow = { id: number; contact: Named; deal: Named; date: string | null; content: string };

export type Listing<T> = { rows: T[]; total: number };

export type SandboxOverview = {
  contacts: Listing<ContactRow>;
  deals: Listing<DealRow>;
  leads: Listing<LeadRow>;
  interactions: Listing<InteractionRow>;
};

export type SandboxRecordsByEntity = Record<
  "Contacts" | "Deals" | "Leads" | "InteractionRecords" | "Fields" | "Deals@Pipelines" | "Deals@Stages",
  SandboxRecordData[]
>;

const VALUE_PROPERTIES = [
  "StringValue",
  "BigStringValue",
  "IntegerValue",
  "DecimalValue",
  "DateTimeValue",
  "BoolValue",
];

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function phonesOf(record: SandboxRecordData): string[] {
  if (!Array.isArray(record.Phones)) return [];
  return record.Phones.map((phone: { PhoneNumber?: unknown }) => text(phone?.PhoneNumber)).filter(
    (phone) => phone !== null,
  );
}

function newestFirst<T>(
  records: SandboxRecordData[],
  limit: number,
  toRow: (record: SandboxRecordData) => T,
): Listing<T> {
  const sorted = [...records].sort((a, b) => (number(b.Id) ?? 0) - (number(a.Id) ?? 0));
  return { rows: sorted.slice(0, limit).map(toRow), total: records.length };
}

export function buildSandboxOverview(records: SandboxRecordsByEntity, limit: number): SandboxOverview {
  const byId = (list: SandboxRecordData[]) => new Map(list.map((record) => [record.Id, record]));
  const contacts = byId(records.Contacts);
  const deals = byId(records.Deals);
  const pipelines = byId(records["Deals@Pipelines"]);
  const stages = byId(records["Deals@Stages"]);
  const fieldNames = new Map(records.Fields.map((field) => [field.Key, text(field.Name) ?? String(field.Key)]));

  const named = (map: Map<unknown, SandboxRecordData>, id: unknown, key: string): Named => {
    const record = map.get(id);
    const value = number(id);
    return value === null ? null : { id: value, name: text(record?.[key]) ?? `#${value}` };
  };
  const customFields = (record: SandboxRecordData): CustomFieldValue[] => {
    if (!Array.isArray(record.OtherProperties)) return [];
    return record.OtherProperties.flatMap((item: Record<string, unknown>) => {
      const property = VALUE_PROPERTIES.find(
        (candidate) => item?.[candidate] !== null && item?.[candidate] !== undefined,
      );
      const value = property ? item[property] : undefined;
      if (!property || (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean"))
        return [];
      return [{ name: fieldNames.get(item.FieldKey) ?? String(item.FieldKey), property, value }];
    });
  };

  return {
    contacts: newestFirst(records.Contacts, limit, (record) => ({
      id: number(record.Id) ?? 0,
      typeId: number(record.TypeId),
      name: text(record.Name) ?? "",
      email: text(record.Email),
      phones: phonesOf(record),
      company: record.CompanyId == null ? null : named(contacts, record.CompanyId, "Name"),
      customFields: customFields(record),
      createDate: text(record.CreateDate),
    })),
    deals: newestFirst(records.Deals, limit, (record) => ({
      id: number(record.Id) ?? 0,
      title: text(record.Title) ?? "",
      pipelineName: text(pipelines.get(record.PipelineId)?.Name),
      stageName: text(stages.get(record.StageId)?.Name),
      contact: named(contacts, record.ContactId, "Name"),
      person: named(contacts, record.PersonId, "Name"),
      statusId: number(record.StatusId),
      amount: number(record.Amount),
      customFields: customFields(record),
      createDate: text(record.CreateDate),
    })),
    leads: newestFirst(records.Leads, limit, (record) => ({
      id: number(record.Id) ?? 0,
      personName: text(record.PersonName),
      companyName: text(record.CompanyName),
      email: text(record.Email),
      phones: phonesOf(record),
      customFields: customFields(record),
      createDate: text(record.CreateDate),
    })),
    interactions: newestFirst(records.InteractionRecords, limit, (record) => ({
      id: number(record.Id) ?? 0,
      contact: named(contacts, record.ContactId, "Name"),
      deal: named(deals, record.DealId, "Title"),
      date: text(record.Date),
      content: text(record.Content) ?? "",
    })),
  };
}

const ENTITIES = [
  "Contacts",
  "Deals",
  "Leads",
  "InteractionRecords",
  "Fields",
  "Deals@Pipelines",
  "Deals@Stages",
] as const;

/** The Sandbox page's data for one tenant; the caller has checked that the tenant is the user's account's. */
export async function loadSandboxOverview(tenantId: string, limit = 200): Promise<SandboxOverview> {
  const lists = await Promise.all(ENTITIES.map((entity) => listStoredRecords(tenantId, entity)));
  const records = Object.fromEntries(
    ENTITIES.map((entity, index) => [entity, lists[index] ?? []]),
  ) as SandboxRecordsByEntity;
  return buildSandboxOverview(records, limit);
}
