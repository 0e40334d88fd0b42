import { behaviourEntities, defaultMappings, type FieldMapping, type IntegrationSettings, type TargetEntity } from "./settings-schema";

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
    (mapping) => !mapped.has(mapping.entity) && !kept.some((k) => k.entity === mapping.entity && k.field === mapping.field),
  );
  return [...kept, ...added];
}
