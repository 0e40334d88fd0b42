// Catalogs whose ids are fixed in every Ploomes account (the integration hard-codes TypeId 1/2 and StatusId 1),
// so they are constants here instead of rows: autoincrement ids could never be 1, 2, 3 in every tenant.

export type SandboxRecordData = Record<string, unknown>;

export const CONTACT_TYPES: readonly SandboxRecordData[] = [
  { Id: 1, Name: "Empresa" },
  { Id: 2, Name: "Pessoa" },
];

export const DEAL_STATUSES: readonly SandboxRecordData[] = [
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
