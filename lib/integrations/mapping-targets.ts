import { canConvert } from "@/lib/sync/convert-field-value";
import { getStandardField } from "@/lib/jivo/standard-fields";
import { CUSTOM_PREFIX, STANDARD_TARGETS, type FieldMapping, type TargetEntity } from "./settings-schema";

/** A Ploomes custom field as the wizard offers it (from the cached `Fields` list). */
export type CustomTarget = { key: string; name: string; entity: TargetEntity; nativeType: string };

// What the standard targets hold in Ploomes. Phones and e-mails are normalised on the way in, so any text fits;
// only Amount is numeric.
const STANDARD_TYPES: Record<string, string> = { Amount: "Decimal", Note: "BigString" };

export function standardTargetType(field: string): string {
  return STANDARD_TYPES[field] ?? "String";
}

/** Ploomes' `EntityId` (1 Cliente, 2 Negócio, 3 Lead) → the wizard's entities; a Cliente field fits both kinds. */
export function entitiesOfPloomesEntity(entityId: number): TargetEntity[] {
  if (entityId === 1) return ["company", "person"];
  if (entityId === 2) return ["deal"];
  if (entityId === 3) return ["lead"];
  return [];
}

/** The native type a mapping writes to, or null when the target does not exist (any more) in Ploomes. */
export function targetType(mapping: Pick<FieldMapping, "entity" | "field">, customTargets: CustomTarget[]): string | null {
  if (!mapping.field.startsWith(CUSTOM_PREFIX)) {
    const standard: readonly string[] = STANDARD_TARGETS[mapping.entity];
    return standard.includes(mapping.field) ? standardTargetType(mapping.field) : null;
  }
  const key = mapping.field.slice(CUSTOM_PREFIX.length);
  return customTargets.find((target) => target.key === key && target.entity === mapping.entity)?.nativeType ?? null;
}

/**
 * Rules that need Ploomes' field list, which the settings schema cannot know: the custom field must exist and
 * the JivoChat value must be convertible to its type. Same shape as `settingsStepIssues`.
 */
export function mappingTypeIssues(mappings: FieldMapping[], customTargets: CustomTarget[]): Record<string, string> {
  const fields: Record<string, string> = {};
  mappings.forEach((mapping, index) => {
    const type = targetType(mapping, customTargets);
    if (type === null) fields[`mappings.${index}.field`] = "unknownTarget";
    else if (!canConvert(getStandardField(mapping.source).valueType, type)) fields[`mappings.${index}.field`] = "typeMismatch";
  });
  return fields;
}
