import { z } from "zod";

// Bodies the integration sends, in Ploomes' own PascalCase. The client parses them before spending a request
// of the budget; strict objects, so a misspelt property fails here instead of being ignored by Ploomes.

const id = z.number().int().positive();

export const phoneInputSchema = z.strictObject({
  PhoneNumber: z.string().min(1),
  TypeId: id.optional(),
  /** 76 = Brazil; omitted when the country is not known. */
  CountryId: id.optional(),
});

/** Exactly one `<NativeType>Value` is expected; `null` clears the field on update. */
export const otherPropertyInputSchema = z.strictObject({
  FieldKey: z.string().min(1),
  StringValue: z.string().nullable().optional(),
  BigStringValue: z.string().nullable().optional(),
  IntegerValue: z.number().int().nullable().optional(),
  DecimalValue: z.number().nullable().optional(),
  DateTimeValue: z.string().nullable().optional(),
  BoolValue: z.boolean().nullable().optional(),
});

export const contactInputSchema = z.strictObject({
  Name: z.string().min(1),
  /** 1 = company, 2 = person. */
  TypeId: z.union([z.literal(1), z.literal(2)]),
  Email: z.string().optional(),
  Note: z.string().optional(),
  CompanyId: id.optional(),
  OwnerId: id.optional(),
  OriginId: id.optional(),
  Phones: z.array(phoneInputSchema).optional(),
  OtherProperties: z.array(otherPropertyInputSchema).optional(),
});

export const contactPatchSchema = contactInputSchema.partial();

export const dealInputSchema = z.strictObject({
  Title: z.string().min(1),
  ContactId: id,
  PersonId: id.optional(),
  PipelineId: id.optional(),
  StageId: id,
  OwnerId: id.optional(),
  OriginId: id.optional(),
  Amount: z.number().optional(),
  OtherProperties: z.array(otherPropertyInputSchema).optional(),
});

export const leadInputSchema = z.strictObject({
  CompanyName: z.string().optional(),
  PersonName: z.string().optional(),
  Email: z.string().optional(),
  Note: z.string().optional(),
  Phones: z.array(phoneInputSchema).optional(),
  OriginId: id.optional(),
  OwnerId: id.optional(),
  OtherProperties: z.array(otherPropertyInputSchema).optional(),
});

export const leadPatchSchema = leadInputSchema.partial();

export const originInputSchema = z.strictObject({ Name: z.string().min(1) });

export const interactionRecordInputSchema = z.strictObject({
  ContactId: id,
  DealId: id.optional(),
  /** ISO 8601; a Date is sent as its ISO string. */
  Date: z.union([z.string(), z.date()]).optional(),
  Content: z.string().min(1),
});

export type PhoneInput = z.input<typeof phoneInputSchema>;
export type OtherPropertyInput = z.input<typeof otherPropertyInputSchema>;
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactPatch = z.input<typeof contactPatchSchema>;
export type DealInput = z.input<typeof dealInputSchema>;
export type LeadInput = z.input<typeof leadInputSchema>;
export type LeadPatch = z.input<typeof leadPatchSchema>;
export type InteractionRecordInput = z.input<typeof interactionRecordInputSchema>;
