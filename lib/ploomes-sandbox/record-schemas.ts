import { z } from "zod";
import type { EntitySet, SandboxRecordData, WriteRules } from "./entity-sets";
import { SandboxError } from "./http";

// Bodies the sandbox accepts on POST (PATCH takes the same schemas, every property optional). Strict, like
// Ploomes' OData layer at its strictest, which refuses a property its entity type does not declare: a misspelt or
// invented property must fail here instead of vanishing. Written from Ploomes' side (every property below is one a
// public source shows on the entity: docs/ploomes-api.md), not copied from the client's input schemas, so a mistake
// in those shows up against the sandbox.

const id = z.number().int().positive();
const optionalId = id.nullable().optional();
const optionalText = z.string().nullable().optional();
const requiredText = z.string().trim().min(1, "must not be empty");
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date");

const phone = z.strictObject({
  PhoneNumber: requiredText,
  TypeId: optionalId,
  CountryId: z.number().int().nonnegative().nullable().optional(),
  /** Computed by the server; accepted (and recomputed) so a phone read back can be sent again. */
  SearchPhoneNumber: z.number().nullable().optional(),
});

export const otherPropertySchema = z.strictObject({
  FieldKey: requiredText,
  StringValue: optionalText,
  BigStringValue: optionalText,
  IntegerValue: z.number().int().nullable().optional(),
  DecimalValue: z.number().nullable().optional(),
  DateTimeValue: isoDate.nullable().optional(),
  BoolValue: z.boolean().nullable().optional(),
});

export type OtherProperty = z.infer<typeof otherPropertySchema>;

const phones = z.array(phone).nullable().optional();
const otherProperties = z.array(otherPropertySchema).nullable().optional();

export const contactBodySchema = z.strictObject({
  Name: requiredText,
  TypeId: id,
  Email: optionalText,
  Note: optionalText,
  Register: optionalText,
  CompanyId: optionalId,
  OwnerId: optionalId,
  OriginId: optionalId,
  Phones: phones,
  OtherProperties: otherProperties,
});

export const dealBodySchema = z.strictObject({
  Title: requiredText,
  ContactId: id,
  StageId: id,
  PersonId: optionalId,
  PipelineId: optionalId,
  StatusId: optionalId,
  OwnerId: optionalId,
  OriginId: optionalId,
  Amount: z.number().nullable().optional(),
  OtherProperties: otherProperties,
});

// No `Note`: no public Lead schema has one (docs/ploomes-api.md, "Leads and origins"). `Origin` is the origin as
// text, as public examples send it; `OriginId` is in the community types too.
export const leadBodySchema = z.strictObject({
  CompanyName: optionalText,
  CompanyLegalName: optionalText,
  CompanyRegister: optionalText,
  PersonName: optionalText,
  Email: optionalText,
  Origin: optionalText,
  Phones: phones,
  OriginId: optionalId,
  OwnerId: optionalId,
  OtherProperties: otherProperties,
});

export const interactionRecordBodySchema = z.strictObject({
  ContactId: id,
  DealId: optionalId,
  Date: isoDate.nullable().optional(),
  Content: requiredText,
});

export const originBodySchema = z.strictObject({ Name: requiredText });

// Properties the server owns: a client that sends a record back as it read it must not be refused for them.
const SERVER_OWNED = new Set(["Id", "CreateDate", "LastUpdateDate"]);

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(entity: EntitySet, body: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  if (issue.code === "unrecognized_keys") {
    const where = path ? `${entity.name} ${path}` : entity.name;
    return `The property '${issue.keys[0] ?? "?"}' does not exist on ${where}.`;
  }
  if (valueAt(body, issue.path) === undefined) return `The property '${path}' is required.`;
  return `Invalid value for '${path}': ${issue.message}`;
}

/** The body of a POST (`partial` false) or PATCH as record properties; a SandboxError 400 when invalid. */
export function parseRecordBody(
  entity: EntitySet,
  rules: WriteRules,
  body: unknown,
  partial: boolean,
): SandboxRecordData {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new SandboxError(400, "The request body must be a JSON object.");
  }
  const input = Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_OWNED.has(key)));
  const schema = partial ? rules.schema.partial() : rules.schema;
  const result = schema.safeParse(input);
  if (result.success) return result.data as SandboxRecordData;
  const [issue] = result.error.issues;
  throw new SandboxError(400, issue ? describeIssue(entity, input, issue) : "Invalid body.");
}
