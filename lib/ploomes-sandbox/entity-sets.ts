import type { z } from "zod";
import {
  contactBodySchema,
  dealBodySchema,
  interactionRecordBodySchema,
  leadBodySchema,
  originBodySchema,
} from "./record-schemas";
import { SandboxError } from "./http";

// Catalogs whose ids are fixed in every Ploomes account (the integration hard-codes TypeId 1/2 and StatusId 1),
// so they are constants here instead of rows: autoincrement ids could never be 1, 2, 3 in every tenant.

export type SandboxRecordData = Record<string, unknown>;

const CONTACT_TYPES: readonly SandboxRecordData[] = [
  { Id: 1, Name: "Empresa" },
  { Id: 2, Name: "Pessoa" },
];

const DEAL_STATUSES: readonly SandboxRecordData[] = [
  { Id: 1, Name: "Em aberto" },
  { Id: 2, Name: "Ganho" },
  { Id: 3, Name: "Perdido" },
];

/** Custom field types; a field's `TypeId` points here and `$expand=Type` returns the entry. */
export const FIELD_TYPES = [
  { Id: 1, Name: "Texto", NativeType: "String" },
  { Id: 2, Name: "Texto longo", NativeType: "BigString" },
  { Id: 3, Name: "Número inteiro", NativeType: "Integer" },
  { Id: 4, Name: "Número decimal", NativeType: "Decimal" },
  { Id: 5, Name: "Data e hora", NativeType: "DateTime" },
  { Id: 6, Name: "Sim/Não", NativeType: "Bool" },
] as const satisfies readonly SandboxRecordData[];

export type NativeType = (typeof FIELD_TYPES)[number]["NativeType"];

export function nativeTypeOf(typeId: unknown): NativeType | null {
  return FIELD_TYPES.find((type) => type.Id === typeId)?.NativeType ?? null;
}

// The entity sets the sandbox serves: their navigation properties (for $expand, and — for the "one" kind —
// the foreign keys a write must point at existing records) and, for the writable ones, how a body becomes a
// record.

export const ENTITY_SET_NAMES = [
  "Account",
  "Contacts",
  "Contacts@Origins",
  "Contacts@Types",
  "Deals",
  "Deals@Pipelines",
  "Deals@Stages",
  "Deals@Status",
  "Leads",
  "Fields",
  "Fields@Types",
  "Users",
  "InteractionRecords",
] as const;

export type EntitySetName = (typeof ENTITY_SET_NAMES)[number];

export type Navigation =
  /** `foreignKey` on this record holds the target's Id; `where` is what a write's target must also match. */
  | { kind: "one"; target: EntitySetName; foreignKey: string; where?: Readonly<SandboxRecordData> }
  /** Target records whose `inverseKey` holds this record's Id. */
  | { kind: "many"; target: EntitySetName; inverseKey: string }
  /** A collection stored inside the record itself (Phones, OtherProperties). */
  | { kind: "inline" };

export type WriteRules = {
  schema: z.ZodObject;
  /** Values of a new record that the body may override. */
  defaults: () => SandboxRecordData;
  /** `EntityId` of the custom fields its `OtherProperties` may use (1 Cliente, 2 Negócio, 3 Lead). */
  customFieldsEntityId?: 1 | 2 | 3;
  /**
   * A last rule over the whole record, given the records its foreign keys point at and the properties this
   * write sets; returns the record to store or throws SandboxError.
   */
  complete?: (
    record: SandboxRecordData,
    references: ReadonlyMap<string, SandboxRecordData>,
    changes: SandboxRecordData,
  ) => SandboxRecordData;
};

export type EntitySet = {
  name: EntitySetName;
  /** Fixed records shared by every tenant; without them the records are the tenant's rows. */
  staticRecords?: readonly SandboxRecordData[];
  navigation: Readonly<Record<string, Navigation>>;
  write?: WriteRules;
};

const one = (target: EntitySetName, foreignKey: string, where?: SandboxRecordData): Navigation => ({
  kind: "one",
  target,
  foreignKey,
  where,
});
const inline: Navigation = { kind: "inline" };
const owner = one("Users", "OwnerId");
const origin = one("Contacts@Origins", "OriginId");

// A deal's funnel is its stage's funnel: Ploomes fills PipelineId from the stage (a PATCH of the stage alone
// moves the deal to that stage's funnel) and refuses a PipelineId that contradicts the stage.
function completeDeal(
  record: SandboxRecordData,
  references: ReadonlyMap<string, SandboxRecordData>,
  changes: SandboxRecordData,
): SandboxRecordData {
  const stage = references.get("StageId");
  if (!stage) return record;
  if (changes.PipelineId != null && changes.PipelineId !== stage.PipelineId) {
    throw new SandboxError(
      400,
      `StageId ${String(record.StageId)} is not a stage of pipeline ${String(changes.PipelineId)}.`,
    );
  }
  return { ...record, PipelineId: stage.PipelineId };
}

const ENTITY_SETS: Readonly<Record<EntitySetName, EntitySet>> = {
  Account: { name: "Account", navigation: {} },
  Contacts: {
    name: "Contacts",
    navigation: {
      Company: one("Contacts", "CompanyId", { TypeId: 1 }),
      Owner: owner,
      Origin: origin,
      Type: one("Contacts@Types", "TypeId"),
      Phones: inline,
      OtherProperties: inline,
    },
    write: {
      schema: contactBodySchema,
      defaults: () => ({
        Email: null,
        Note: null,
        Register: null,
        CompanyId: null,
        OwnerId: null,
        OriginId: null,
        Phones: [],
        OtherProperties: [],
      }),
      customFieldsEntityId: 1,
    },
  },
  "Contacts@Origins": {
    name: "Contacts@Origins",
    navigation: {},
    write: { schema: originBodySchema, defaults: () => ({}) },
  },
  "Contacts@Types": { name: "Contacts@Types", staticRecords: CONTACT_TYPES, navigation: {} },
  Deals: {
    name: "Deals",
    navigation: {
      Contact: one("Contacts", "ContactId"),
      Person: one("Contacts", "PersonId", { TypeId: 2 }),
      Pipeline: one("Deals@Pipelines", "PipelineId"),
      Stage: one("Deals@Stages", "StageId"),
      Status: one("Deals@Status", "StatusId"),
      Owner: owner,
      Origin: origin,
      OtherProperties: inline,
    },
    write: {
      schema: dealBodySchema,
      defaults: () => ({
        PersonId: null,
        PipelineId: null,
        StatusId: 1,
        OwnerId: null,
        OriginId: null,
        Amount: 0,
        OtherProperties: [],
      }),
      customFieldsEntityId: 2,
      complete: completeDeal,
    },
  },
  "Deals@Pipelines": {
    name: "Deals@Pipelines",
    navigation: { Stages: { kind: "many", target: "Deals@Stages", inverseKey: "PipelineId" } },
  },
  "Deals@Stages": { name: "Deals@Stages", navigation: { Pipeline: one("Deals@Pipelines", "PipelineId") } },
  "Deals@Status": { name: "Deals@Status", staticRecords: DEAL_STATUSES, navigation: {} },
  Leads: {
    name: "Leads",
    navigation: { Owner: owner, Origin: origin, Phones: inline, OtherProperties: inline },
    write: {
      schema: leadBodySchema,
      defaults: () => ({
        CompanyName: null,
        PersonName: null,
        Email: null,
        Phones: [],
        Origin: null,
        OriginId: null,
        OwnerId: null,
        OtherProperties: [],
      }),
      customFieldsEntityId: 3,
      complete: (record) => {
        const named = [record.PersonName, record.CompanyName, record.Email].some(
          (value) => typeof value === "string" && value.trim(),
        );
        const phones = Array.isArray(record.Phones) && record.Phones.length > 0;
        if (!named && !phones) throw new SandboxError(400, "A lead needs a PersonName, CompanyName, Email or phone.");
        return record;
      },
    },
  },
  Fields: { name: "Fields", navigation: { Type: one("Fields@Types", "TypeId") } },
  "Fields@Types": { name: "Fields@Types", staticRecords: FIELD_TYPES, navigation: {} },
  Users: { name: "Users", navigation: {} },
  InteractionRecords: {
    name: "InteractionRecords",
    navigation: { Contact: one("Contacts", "ContactId"), Deal: one("Deals", "DealId") },
    write: { schema: interactionRecordBodySchema, defaults: () => ({ DealId: null, Date: new Date().toISOString() }) },
  },
};

export function findEntitySet(name: string): EntitySet | null {
  return (ENTITY_SET_NAMES as readonly string[]).includes(name) ? ENTITY_SETS[name as EntitySetName] : null;
}

export function entitySet(name: EntitySetName): EntitySet {
  return ENTITY_SETS[name];
}
