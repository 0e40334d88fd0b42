import { z } from "zod";

// What the integration reads back from Ploomes. Loose objects: Ploomes adds properties freely and we only
// insist on what the code uses; `nullish` where Ploomes answers `null` for an empty value. Navigation properties
// (Phones, OtherProperties, Company, Owner…) are only there when the request expanded them.

const id = z.number().int();

export const accountSchema = z.looseObject({ Id: id, Name: z.string().nullish() });

export const phoneSchema = z.looseObject({
  PhoneNumber: z.string().nullish(),
  SearchPhoneNumber: z.number().nullish(),
  TypeId: id.nullish(),
  CountryId: id.nullish(),
});

export const otherPropertySchema = z.looseObject({
  FieldKey: z.string(),
  StringValue: z.string().nullish(),
  BigStringValue: z.string().nullish(),
  IntegerValue: z.number().nullish(),
  DecimalValue: z.number().nullish(),
  DateTimeValue: z.string().nullish(),
  BoolValue: z.boolean().nullish(),
});

const namedRefSchema = z.looseObject({ Id: id, Name: z.string().nullish() });

export const contactSchema = z.looseObject({
  Id: id,
  Name: z.string(),
  /** 1 = company (Empresa), 2 = person (Pessoa). */
  TypeId: id,
  Email: z.string().nullish(),
  CompanyId: id.nullish(),
  OwnerId: id.nullish(),
  OriginId: id.nullish(),
  Phones: z.array(phoneSchema).nullish(),
  OtherProperties: z.array(otherPropertySchema).nullish(),
  Company: namedRefSchema.nullish(),
  Owner: namedRefSchema.extend({ Email: z.string().nullish() }).nullish(),
});

export const stageSchema = z.looseObject({
  Id: id,
  Name: z.string(),
  PipelineId: id,
  Ordination: z.number().nullish(),
});

export const pipelineSchema = z.looseObject({
  Id: id,
  Name: z.string(),
  Stages: z.array(stageSchema).nullish(),
});

export const dealSchema = z.looseObject({
  Id: id,
  Title: z.string().nullish(),
  ContactId: id.nullish(),
  PersonId: id.nullish(),
  PipelineId: id.nullish(),
  StageId: id.nullish(),
  /** 1 open, 2 won, 3 lost. */
  StatusId: id.nullish(),
  OwnerId: id.nullish(),
  Amount: z.number().nullish(),
  OtherProperties: z.array(otherPropertySchema).nullish(),
});

export const leadSchema = z.looseObject({
  Id: id,
  CompanyName: z.string().nullish(),
  PersonName: z.string().nullish(),
  Email: z.string().nullish(),
  OwnerId: id.nullish(),
  OriginId: id.nullish(),
  OtherProperties: z.array(otherPropertySchema).nullish(),
});

export const fieldSchema = z.looseObject({
  Key: z.string(),
  Name: z.string(),
  /** 1 Cliente (contact), 2 Negócio (deal), 3 Lead. */
  EntityId: id,
  /** String, BigString, Integer, Decimal, DateTime, Bool; option lists are Integer with an OptionsTableId. */
  Type: z.looseObject({ NativeType: z.string() }),
  OptionsTableId: id.nullish(),
  /** True for the account's custom fields; native fields (Nome, E-mail…) are false. */
  Dynamic: z.boolean().nullish(),
});

// Custom fields are keyed `<entity>_<GUID>`; native ones after their property (`contact_name`, `deal_amount`).
const CUSTOM_FIELD_KEY = /^[a-z]+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A custom field, written through OtherProperties; a native field is the record's own property. `Dynamic` says
 * which; where an answer lacks it, the key's form does (docs/ploomes-api.md, "Fields").
 */
export function isCustomField(field: Pick<z.infer<typeof fieldSchema>, "Key" | "Dynamic">): boolean {
  return field.Dynamic ?? CUSTOM_FIELD_KEY.test(field.Key);
}

export const userSchema = z.looseObject({
  Id: id,
  Name: z.string(),
  Email: z.string().nullish(),
  /** A user who left: kept by Ploomes, never to be given records. */
  Suspended: z.boolean().nullish(),
});

export const originSchema = z.looseObject({ Id: id, Name: z.string() });

export const interactionRecordSchema = z.looseObject({
  Id: id,
  ContactId: id.nullish(),
  DealId: id.nullish(),
  Date: z.string().nullish(),
  Content: z.string().nullish(),
});

/** Every list, and every POST answer (`{"value":[created]}`). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.looseObject({ value: z.array(item) });
}

export type Account = z.infer<typeof accountSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Pipeline = z.infer<typeof pipelineSchema>;
export type Deal = z.infer<typeof dealSchema>;
export type Lead = z.infer<typeof leadSchema>;
export type OtherProperty = z.infer<typeof otherPropertySchema>;
export type Field = z.infer<typeof fieldSchema>;
export type User = z.infer<typeof userSchema>;
export type Origin = z.infer<typeof originSchema>;
export type InteractionRecord = z.infer<typeof interactionRecordSchema>;
