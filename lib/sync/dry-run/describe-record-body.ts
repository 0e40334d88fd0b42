import { recordHref, type RecordEntity } from "@/lib/sync/record-links";
import type { OtherPropertyInput, PhoneInput } from "@/lib/ploomes/input-schemas";
import type { Field, Origin, Pipeline, User } from "@/lib/ploomes/schemas";

/** Ploomes metadata the dry run turns ids and field keys into names with (from the per-connection cache). */
export type PloomesNames = { pipelines: Pipeline[]; users: User[]; fields: Field[]; origin: Origin | null };

/** A record the plan points at: an existing Ploomes record (positive id, linkable) or one it would create (negative). */
export type RecordRef = { entity: RecordEntity; id: number; href: string | null };

export type PlanValue =
  | { type: "text"; text: string }
  | { type: "number"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "date"; iso: string }
  | { type: "record"; record: RecordRef };

/** Standard fields by their Ploomes property name, custom fields by their Ploomes name, the rest by role. */
export type FieldLabel =
  | { kind: "standard"; key: string }
  | { kind: "custom"; key: string; name: string | null }
  | { kind: "meta"; key: "funnel" | "owner" | "origin" | "company" | "person" };

export type PlanField = { label: FieldLabel; value: PlanValue };

// The order a person reads a record in: who or what it is, how to reach them, where it sits, then custom fields.
const ORDER = [
  "Name",
  "Title",
  "PersonName",
  "CompanyName",
  "Email",
  "Phones",
  "Amount",
  "Note",
  "StageId",
  "OwnerId",
  "CompanyId",
  "ContactId",
  "PersonId",
  "OriginId",
  "OtherProperties",
];

export function recordRef(entity: RecordEntity, id: number, isSandbox: boolean): RecordRef {
  return { entity, id, href: id > 0 ? recordHref(entity, id, isSandbox) : null };
}

export function customFieldName(key: string, names: PloomesNames): string | null {
  return names.fields.find((field) => field.Key === key)?.Name ?? null;
}

function customValue(property: OtherPropertyInput): PlanValue | null {
  const text = property.StringValue ?? property.BigStringValue;
  if (typeof text === "string") return { type: "text", text };
  const number = property.IntegerValue ?? property.DecimalValue;
  if (typeof number === "number") return { type: "number", value: number };
  if (typeof property.DateTimeValue === "string") return { type: "date", iso: property.DateTimeValue };
  if (typeof property.BoolValue === "boolean") return { type: "bool", value: property.BoolValue };
  return null;
}

function funnelText(pipelineId: number | undefined, stageId: number, names: PloomesNames): string {
  const pipeline = names.pipelines.find((candidate) => candidate.Id === pipelineId);
  const stage = pipeline?.Stages?.find((candidate) => candidate.Id === stageId);
  return `${pipeline?.Name ?? `#${pipelineId}`} › ${stage?.Name ?? `#${stageId}`}`;
}

/**
 * Every value a create step would send, in the words of the Ploomes screens: funnel › stage and owner by name,
 * custom fields by their name, the records it refers to as links. Bookkeeping (TypeId) is left out.
 */
export function describeRecordBody(
  body: Record<string, unknown>,
  names: PloomesNames,
  isSandbox: boolean,
): PlanField[] {
  const fields: PlanField[] = [];
  const meta = (key: Extract<FieldLabel, { kind: "meta" }>["key"], value: PlanValue) =>
    fields.push({ label: { kind: "meta", key }, value });
  const text = (value: string): PlanValue => ({ type: "text", text: value });

  const keys = [...ORDER.filter((key) => key in body), ...Object.keys(body).filter((key) => !ORDER.includes(key))];
  for (const key of keys) {
    const value = body[key];
    if (value === undefined || value === null || key === "TypeId" || key === "PipelineId") continue;
    if (key === "StageId")
      meta("funnel", text(funnelText(body.PipelineId as number | undefined, value as number, names)));
    else if (key === "OwnerId") meta("owner", text(names.users.find((user) => user.Id === value)?.Name ?? `#${value}`));
    else if (key === "OriginId") meta("origin", text(names.origin?.Id === value ? names.origin.Name : `#${value}`));
    else if (key === "CompanyId")
      meta("company", { type: "record", record: recordRef("company", value as number, isSandbox) });
    else if (key === "PersonId")
      meta("person", { type: "record", record: recordRef("person", value as number, isSandbox) });
    // A deal's ContactId is its company, or the person again when there is none.
    else if (key === "ContactId") {
      if (value !== body.PersonId)
        meta("company", { type: "record", record: recordRef("company", value as number, isSandbox) });
    } else if (key === "Phones") {
      fields.push({
        label: { kind: "standard", key },
        value: text((value as PhoneInput[]).map((phone) => phone.PhoneNumber).join(", ")),
      });
    } else if (key === "OtherProperties") {
      for (const property of value as OtherPropertyInput[]) {
        const shown = customValue(property);
        if (shown)
          fields.push({
            label: { kind: "custom", key: property.FieldKey, name: customFieldName(property.FieldKey, names) },
            value: shown,
          });
      }
    } else if (typeof value === "number")
      fields.push({ label: { kind: "standard", key }, value: { type: "number", value } });
    else fields.push({ label: { kind: "standard", key }, value: text(String(value)) });
  }
  return fields;
}
