import { getStandardField } from "@/lib/jivo/standard-fields";
import { canConvert } from "@/lib/ploomes/convert-field-value";
import {
  CUSTOM_PREFIX,
  STANDARD_TARGETS,
  type FieldMapping,
  type TargetEntity,
  behaviourEntities,
  defaultMappings,
  type IntegrationSettings,
} from "./settings-schema";

// Field mappings: which Ploomes field a JivoChat value may go to, its type check, and the records a behaviour writes.

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
export function targetType(
  mapping: Pick<FieldMapping, "entity" | "field">,
  customTargets: CustomTarget[],
): string | null {
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
    else if (!canConvert(getStandardField(mapping.source).valueType, type))
      fields[`mappings.${index}.field`] = "typeMismatch";
  });
  return fields;
}

type BehaviourSettings = Pick<IntegrationSettings, "behaviour" | "offlineBehaviour">;

/** The records the integration may write: the behaviour's, plus a lead when offline messages become leads. */
export function targetEntities({ behaviour, offlineBehaviour }: BehaviourSettings): TargetEntity[] {
  const entities = behaviourEntities(behaviour);
  return offlineBehaviour === "lead" && !entities.includes("lead") ? [...entities, "lead"] : entities;
}

export function initialMappings(settings: BehaviourSettings): FieldMapping[] {
  const mappings = defaultMappings(settings.behaviour);
  if (settings.behaviour !== "lead" && settings.offlineBehaviour === "lead") mappings.push(...defaultMappings("lead"));
  return mappings;
}

/**
 * After a behaviour change: the mappings that still reach a record the integration writes, topped up with the
 * defaults of entities that had none, so a new target record never starts unmapped.
 */
export function fitMappings(mappings: FieldMapping[], settings: BehaviourSettings): FieldMapping[] {
  const entities = targetEntities(settings);
  const kept = mappings.filter((mapping) => entities.includes(mapping.entity));
  const mapped = new Set(kept.map((mapping) => mapping.entity));
  const added = initialMappings(settings).filter(
    (mapping) =>
      !mapped.has(mapping.entity) && !kept.some((k) => k.entity === mapping.entity && k.field === mapping.field),
  );
  return [...kept, ...added];
}
