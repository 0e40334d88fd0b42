import { type EntitySet, entitySet, type NativeType, nativeTypeOf, type SandboxRecordData } from "./entity-sets";
import { SandboxError } from "./http";
import type { OtherProperty } from "./record-schemas";
import { findEntityRecord } from "./record-store";

// What a write must pass besides its body's schema: the records it points at exist (and are of the right
// kind), and its custom-field values fit the tenant's Fields.

/**
 * Every foreign key the record sets must point at an existing record of the tenant (a deal's stage, a person's
 * company…), as Ploomes refuses a write to a missing one with a 400. Returns the referenced records by key.
 */
export async function checkReferences(
  tenantId: string,
  entity: EntitySet,
  record: SandboxRecordData,
): Promise<Map<string, SandboxRecordData>> {
  const references = new Map<string, SandboxRecordData>();
  await Promise.all(
    Object.values(entity.navigation).map(async (navigation) => {
      if (navigation.kind !== "one") return;
      const value = record[navigation.foreignKey];
      if (value === null || value === undefined) return;
      const found =
        typeof value === "number" ? await findEntityRecord(tenantId, entitySet(navigation.target), value) : null;
      if (!found) {
        throw new SandboxError(400, `${navigation.foreignKey} ${String(value)} does not exist (${navigation.target}).`);
      }
      for (const [key, expected] of Object.entries(navigation.where ?? {})) {
        if (found[key] !== expected) {
          throw new SandboxError(
            400,
            `${navigation.foreignKey} ${String(value)} must be a ${navigation.target} record with ${key} ${String(expected)}.`,
          );
        }
      }
      references.set(navigation.foreignKey, found);
    }),
  );
  return references;
}

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
