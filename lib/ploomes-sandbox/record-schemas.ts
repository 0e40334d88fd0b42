import { z } from "zod";

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
