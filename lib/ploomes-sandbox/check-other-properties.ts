import type { OtherProperty } from "./record-schemas";
import { type NativeType, type SandboxRecordData, nativeTypeOf } from "./static-catalogs";

// Custom-field values must name a custom field (`Dynamic`) of the record's kind and carry the value in the property
// of the field's native type, as Ploomes expects; a value in the wrong property would otherwise be silently lost.
// A native field is the record's own property: sent through OtherProperties it is refused, naming the property.

const VALUE_PROPERTY: Record<NativeType, keyof OtherProperty> = {
  String: "StringValue",
  BigString: "BigStringValue",
  Integer: "IntegerValue",
  Decimal: "DecimalValue",
  DateTime: "DateTimeValue",
  Bool: "BoolValue",
};
const VALUE_PROPERTIES = Object.values(VALUE_PROPERTY);
const ENTITY_NAMES = { 1: "Cliente", 2: "Negócio", 3: "Lead" } as const;

/** The first problem with `items` as custom-field values of `entityId` records, or null when there is none. */
export function checkOtherProperties(
  items: readonly OtherProperty[],
  fields: readonly SandboxRecordData[],
  entityId: 1 | 2 | 3,
): string | null {
  const byKey = new Map(fields.filter((field) => field.EntityId === entityId).map((field) => [field.Key, field]));
  const seen = new Set<string>();
  for (const item of items) {
    const field = byKey.get(item.FieldKey);
    if (field && field.Dynamic !== true) {
      return `OtherProperties: ${item.FieldKey} ("${String(field.Name)}") is a native field of ${ENTITY_NAMES[entityId]}; send it as the record's property ${String(field.PropertyName)}.`;
    }
    if (!field) {
      return `OtherProperties: the field ${item.FieldKey} does not exist for ${ENTITY_NAMES[entityId]} (EntityId ${entityId}).`;
    }
    if (seen.has(item.FieldKey)) return `OtherProperties: the field ${item.FieldKey} is given more than once.`;
    seen.add(item.FieldKey);
    const nativeType = nativeTypeOf(field.TypeId);
    if (!nativeType) continue;
    const expected = VALUE_PROPERTY[nativeType];
    const wrong = VALUE_PROPERTIES.find((property) => property !== expected && item[property] != null);
    if (wrong) {
      return `OtherProperties: the field ${item.FieldKey} ("${String(field.Name)}") is ${nativeType}; send its value in ${expected}, not ${wrong}.`;
    }
  }
  return null;
}
