import { z } from "zod";
import { standardFieldKeySchema } from "@/lib/jivo/standard-fields";

// One schema, three users: the wizard forms (zodResolver), the server actions that save them, and the worker
// that reads stored settings (`parseSettings(row.settings)`). Messages are i18n keys under "validation".

export const BEHAVIOURS = ["company_person_deal", "lead", "person_deal", "company_person"] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export function behaviourCreatesDeal(behaviour: Behaviour): boolean {
  return behaviour === "company_person_deal" || behaviour === "person_deal";
}

/** Which Ploomes records a behaviour writes, in the order it writes them. */
export function behaviourEntities(behaviour: Behaviour): TargetEntity[] {
  switch (behaviour) {
    case "company_person_deal":
      return ["company", "person", "deal"];
    case "person_deal":
      return ["person", "deal"];
    case "company_person":
      return ["company", "person"];
    case "lead":
      return ["lead"];
  }
}

export const TARGET_ENTITIES = ["company", "person", "deal", "lead"] as const;
export type TargetEntity = (typeof TARGET_ENTITIES)[number];

/**
 * Native Ploomes properties a JivoChat value can be written to, per record: the record's own properties, each
 * one a public source shows on the entity (docs/ploomes-api.md). Custom fields go through OtherProperties.
 */
export const STANDARD_TARGETS = {
  company: ["Name", "Email", "Phones", "Note"],
  person: ["Name", "Email", "Phones", "Note"],
  deal: ["Title", "Amount"],
  lead: ["CompanyName", "PersonName", "Email", "Phones"],
} as const satisfies Record<TargetEntity, readonly string[]>;

// Targets earlier versions offered that Ploomes does not have: a stored mapping to one is dropped when read, rather
// than making the whole integration invalid. Lead.Note: no public Lead schema has it, so the message it carried
// would be refused or silently lost.
const RETIRED_TARGETS = new Set(["lead:Note"]);
const withoutRetiredTargets = (mappings: FieldMapping[]) =>
  mappings.filter((mapping) => !RETIRED_TARGETS.has(`${mapping.entity}:${mapping.field}`));

/** Custom fields are stored as `custom:<Ploomes field Key>`, e.g. `custom:contact_9A1F…`. */
export const CUSTOM_PREFIX = "custom:";

export const fieldMappingSchema = z.object({
  source: standardFieldKeySchema,
  entity: z.enum(TARGET_ENTITIES),
  field: z.string().trim().min(1, "required").max(200, "tooLong"),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

const idSchema = z.coerce.number().int().positive();

/** The fields alone, without the cross-field rules (for partial, per-step drafts). */
export const settingsObjectSchema = z.object({
  behaviour: z.enum(BEHAVIOURS).default("company_person_deal"),
  offlineBehaviour: z.enum(["same", "lead"]).default("lead"),
  pipelineId: idSchema.nullable().default(null),
  stageId: idSchema.nullable().default(null),
  avoidDuplicateDeals: z.boolean().default(true),
  dealTitleTemplate: z.string().trim().min(1, "required").max(200, "tooLong").default("JivoChat – {nome do visitante}"),
  defaultOwnerId: idSchema.nullable().default(null),
  ownerFromAgent: z.boolean().default(true),
  writeTranscript: z.boolean().default(true),
  /** Absent: the behaviour's defaults (`defaultMappings`). An explicit empty list maps nothing. */
  mappings: z.array(fieldMappingSchema).max(60).transform(withoutRetiredTargets).optional(),
  widgetIds: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  agentLookup: z.boolean().default(true),
  createOnChatStart: z.boolean().default(false),
  /** Finished JivoChat calls (call_event) become interaction records on the client (lib/sync/calls.ts). */
  recordCalls: z.boolean().default(true),
  /** An active integration that received nothing for this long gets a warning (the URL is probably not in JivoChat). */
  silenceAlertHours: z.coerce
    .number()
    .int("silenceHoursRange")
    .min(1, "silenceHoursRange")
    .max(720, "silenceHoursRange")
    .default(24),
});

export const settingsSchema = settingsObjectSchema
  .superRefine((settings, ctx) => {
    const createsDeal = behaviourCreatesDeal(settings.behaviour);
    if (createsDeal && !settings.pipelineId)
      ctx.addIssue({ code: "custom", path: ["pipelineId"], message: "pipelineRequired" });
    if (createsDeal && !settings.stageId) ctx.addIssue({ code: "custom", path: ["stageId"], message: "stageRequired" });
    const seen = new Set<string>();
    (settings.mappings ?? []).forEach((mapping, index) => {
      const key = `${mapping.entity}:${mapping.field}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: ["mappings", index, "field"], message: "duplicateTarget" });
      seen.add(key);
      const standard = STANDARD_TARGETS[mapping.entity] as readonly string[];
      if (!mapping.field.startsWith(CUSTOM_PREFIX) && !standard.includes(mapping.field)) {
        ctx.addIssue({ code: "custom", path: ["mappings", index, "field"], message: "unknownTarget" });
      }
    });
  })
  .transform((settings) => ({ ...settings, mappings: settings.mappings ?? defaultMappings(settings.behaviour) }));

export type IntegrationSettings = z.infer<typeof settingsSchema>;
export type IntegrationSettingsInput = z.input<typeof settingsSchema>;

/** Mappings a new integration starts with (the wizard pre-fills them). */
export function defaultMappings(behaviour: Behaviour): FieldMapping[] {
  if (behaviour === "lead") {
    return [
      { source: "visitor.name", entity: "lead", field: "PersonName" },
      { source: "visitor.email", entity: "lead", field: "Email" },
      { source: "visitor.phone", entity: "lead", field: "Phones" },
      { source: "organization.name", entity: "lead", field: "CompanyName" },
    ];
  }
  const mappings: FieldMapping[] = [
    { source: "visitor.name", entity: "person", field: "Name" },
    { source: "visitor.email", entity: "person", field: "Email" },
    { source: "visitor.phone", entity: "person", field: "Phones" },
  ];
  if (behaviourEntities(behaviour).includes("company")) {
    mappings.push({ source: "organization.name", entity: "company", field: "Name" });
  }
  return mappings;
}

/**
 * The mappings that apply to an event handled with `behaviour`. An offline message turned into a lead while chats
 * create contacts uses the lead defaults, plus any lead mapping the admin added.
 */
export function mappingsFor(settings: IntegrationSettings, behaviour: Behaviour): FieldMapping[] {
  if (behaviour === settings.behaviour) return settings.mappings;
  const own = settings.mappings.filter((mapping) => behaviourEntities(behaviour).includes(mapping.entity));
  const taken = new Set(own.map((mapping) => `${mapping.entity}:${mapping.field}`));
  return [...defaultMappings(behaviour).filter((mapping) => !taken.has(`${mapping.entity}:${mapping.field}`)), ...own];
}

/** Reads stored settings; throws a ZodError naming the broken setting when they do not validate. */
export function parseSettings(stored: string | null | undefined): IntegrationSettings {
  return settingsSchema.parse(stored ? JSON.parse(stored) : {});
}
