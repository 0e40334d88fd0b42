import { type EntitySetName, entitySet, FIELD_TYPES, type NativeType, type SandboxRecordData } from "./entity-sets";
import { type SandboxDb, insertStoredRecord } from "./record-store";
import { withSearchPhoneNumbers } from "./write-record";

// What a new sandbox tenant holds: a small, realistic Ploomes account in pt-BR, with clients the integration's
// dedupe can find. Tests import these values instead of repeating them. Field keys are fixed GUIDs, the same
// in every tenant, so a test or a demo mapping can name them directly.
//
// `/Fields` lists native fields too, as Ploomes does (docs/ploomes-api.md, "Fields"): `Dynamic` false, a key named
// after the property (`contact_name`) and the record property they are written to (`PropertyName`). Custom
// fields are `Dynamic` true, keyed `<entity>_<GUID>`, and written through OtherProperties.

export type SeedField = { Key: string; Name: string; EntityId: 1 | 2 | 3; NativeType: NativeType };
export type SeedNativeField = SeedField & { PropertyName: string };

const fields = (entityId: 1 | 2 | 3, prefix: string, items: [string, string, NativeType][]): SeedField[] =>
  items.map(([guid, Name, NativeType]) => ({ Key: `${prefix}_${guid}`, Name, EntityId: entityId, NativeType }));

const nativeFields = (entityId: 1 | 2 | 3, prefix: string, items: [string, string, NativeType][]): SeedNativeField[] =>
  items.map(([PropertyName, Name, NativeType]) => ({
    Key: `${prefix}_${PropertyName.toLowerCase()}`,
    Name,
    EntityId: entityId,
    NativeType,
    PropertyName,
  }));

export const SANDBOX_SEED = {
  users: [
    { Name: "João Vendedor", Email: "joao@vendas.example" },
    { Name: "Ana Gestora", Email: "ana@vendas.example" },
    { Name: "Carla Atendente", Email: "carla@vendas.example" },
    { Name: "Integração JivoChat", Email: "integracao@vendas.example" },
    /** Left the team: Ploomes keeps the user, suspended; nothing may be assigned to them. */
    { Name: "Rafael Desligado", Email: "rafael@vendas.example", Suspended: true },
  ],
  origins: ["Site", "Indicação"],
  salesPipeline: {
    Name: "Funil de Vendas",
    stages: ["Prospecção", "Qualificação", "Proposta", "Negociação", "Fechamento"],
  },
  afterSalesPipeline: { Name: "Pós-venda", stages: ["Onboarding", "Acompanhamento", "Renovação"] },
  nativeFields: [
    ...nativeFields(1, "contact", [
      ["Name", "Nome", "String"],
      ["Email", "E-mail", "String"],
      ["Register", "CNPJ/CPF", "String"],
      ["Note", "Observação", "BigString"],
    ]),
    ...nativeFields(2, "deal", [
      ["Title", "Título", "String"],
      ["Amount", "Valor", "Decimal"],
    ]),
    ...nativeFields(3, "lead", [
      ["PersonName", "Nome da pessoa", "String"],
      ["CompanyName", "Nome da empresa", "String"],
      ["Email", "E-mail", "String"],
    ]),
  ],
  fields: [
    ...fields(1, "contact", [
      ["EDC76777-D79A-4F20-8DE3-8AF75175589D", "Origem da campanha", "String"],
      ["35E4CADB-D417-47F8-9EBB-DBBA05988A45", "Observações do cliente", "BigString"],
      ["20CD8845-68CA-4B64-9F84-FCF675830FC7", "Número de funcionários", "Integer"],
      ["30953EF9-B2E4-4E8C-ACC9-93BCB15F6B13", "Faturamento mensal", "Decimal"],
      ["4A06A5E6-12EF-43F4-8107-741CE0FDA921", "Data do primeiro contato", "DateTime"],
      ["D63F89EE-A47A-4AF4-89DF-B8A5D8DE7EBA", "Aceita receber ofertas", "Bool"],
    ]),
    ...fields(2, "deal", [
      ["40AF4451-874E-4C22-B745-F7B5707DA050", "Página de entrada", "String"],
      ["8B941DC5-0D0C-4342-907F-B51C13E13483", "Nota do atendimento", "BigString"],
      ["9F8D7017-41B9-4E8D-8192-8E3BD6386186", "Quantidade de itens", "Integer"],
      ["1121AC5C-9F77-46E0-903D-879EFEC27D8A", "Desconto concedido (%)", "Decimal"],
      ["6EFE2C50-A8CF-43F0-BE89-C1BB7C2108E9", "Previsão de fechamento", "DateTime"],
      ["FDBAAA4F-0B9C-49D6-95E3-57904D0BD07E", "Veio pelo chat", "Bool"],
    ]),
    ...fields(3, "lead", [
      ["FBDDADD4-CA11-46BD-B759-12C4EA7DDCED", "Origem da campanha", "String"],
      ["437B9CB8-FB26-4270-8416-3F3BC7593B10", "Mensagem do visitante", "BigString"],
      ["BCA9F30E-B257-4962-9F5A-0F45B6D5B365", "Número de funcionários", "Integer"],
      ["5F5F316C-B74D-40E7-986F-7EE32E55028E", "Orçamento estimado", "Decimal"],
      ["694DCC00-43E1-4D80-AE81-D3E2F0ECD046", "Data do contato", "DateTime"],
      ["27ABD1B6-8FDB-4EDC-8F72-0E81FBF3088B", "Quer demonstração", "Bool"],
    ]),
  ],
  companies: {
    bakery: {
      Name: "Padaria Pão Quente Ltda",
      Email: "contato@paoquente.exemplo.com.br",
      Phone: "(11) 3456-7890",
      Register: "12.345.678/0001-90",
    },
    builder: {
      Name: "Construtora Horizonte Ltda",
      Email: "comercial@horizonte.exemplo.com.br",
      Phone: "(21) 2555-0100",
      Register: "98.765.432/0001-10",
    },
  },
  /** A person without a company and with an open deal in "Funil de Vendas" (stage "Qualificação"). */
  existingPerson: {
    Name: "Mariana Souza",
    Email: "cliente.existente@exemplo.com.br",
    Phone: "(11) 91234-5678",
    SearchPhoneNumber: 5511912345678,
    openDealTitle: "Encomenda de salgados para evento",
  },
  /** A person linked to "Construtora Horizonte Ltda". */
  personWithCompany: { Name: "Roberto Lima", Email: "roberto.lima@horizonte.exemplo.com.br", Phone: "(21) 98765-4321" },
  otherPerson: { Name: "Fernanda Alves", Email: "fernanda.alves@exemplo.com.br", Phone: "(31) 3333-4444" },
  lead: {
    PersonName: "Lucas Pereira",
    CompanyName: "Mercado Bom Preço",
    Email: "lucas@bompreco.exemplo.com.br",
    Phone: "(41) 99876-5432",
  },
} as const;

export function seedFieldKey(entityId: 1 | 2 | 3, name: string): string {
  const field = SANDBOX_SEED.fields.find((candidate) => candidate.EntityId === entityId && candidate.Name === name);
  if (!field) throw new Error(`No seeded field "${name}" for EntityId ${entityId}`);
  return field.Key;
}

const BRAZIL = 76;
const DAY_MS = 86_400_000;
// Days ago the account was set up: users, funnels and fields predate every client.
const SETUP_AGE = 60;

const phone = (PhoneNumber: string) => [{ PhoneNumber, CountryId: BRAZIL }];

/**
 * Writes the seed records of a new (or just emptied) tenant, oldest first so that Ids and creation dates agree:
 * the account's setup two months ago, its clients and deals over the last weeks.
 */
export async function seedSandboxTenant(tenantId: string, accountName: string, db: SandboxDb): Promise<void> {
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS).toISOString();
  const add = async (entity: EntitySetName, age: number, data: SandboxRecordData): Promise<number> => {
    const date = daysAgo(age);
    const record = { ...entitySet(entity).write?.defaults(), ...data, CreateDate: date, LastUpdateDate: date };
    return (await insertStoredRecord(tenantId, entity, withSearchPhoneNumbers(record), db)).Id as number;
  };
  const { users, companies, existingPerson, personWithCompany, otherPerson, lead } = SANDBOX_SEED;

  await add("Account", SETUP_AGE, { Name: accountName });
  const [joao, ana] = await inOrder(users, (user) => add("Users", SETUP_AGE, { Suspended: false, ...user }));
  const [site] = await inOrder(SANDBOX_SEED.origins, (Name) => add("Contacts@Origins", SETUP_AGE, { Name }));
  const stages = new Map<string, { Id: number; PipelineId: number }>();
  for (const pipeline of [SANDBOX_SEED.salesPipeline, SANDBOX_SEED.afterSalesPipeline]) {
    const PipelineId = await add("Deals@Pipelines", SETUP_AGE, { Name: pipeline.Name });
    for (const [index, Name] of pipeline.stages.entries()) {
      stages.set(`${pipeline.Name}/${Name}`, {
        Id: await add("Deals@Stages", SETUP_AGE, { Name, PipelineId, Ordination: index + 1 }),
        PipelineId,
      });
    }
  }
  const typeId = (nativeType: string) => FIELD_TYPES.find((type) => type.NativeType === nativeType)?.Id;
  for (const { NativeType, ...field } of SANDBOX_SEED.nativeFields) {
    await add("Fields", SETUP_AGE, { ...field, TypeId: typeId(NativeType), OptionsTableId: null, Dynamic: false });
  }
  for (const { NativeType, ...field } of SANDBOX_SEED.fields) {
    await add("Fields", SETUP_AGE, {
      ...field,
      TypeId: typeId(NativeType),
      OptionsTableId: null,
      Dynamic: true,
      PropertyName: null,
    });
  }

  const contact = (age: number, data: SandboxRecordData) => add("Contacts", age, data);
  await contact(30, {
    Name: companies.bakery.Name,
    TypeId: 1,
    Email: companies.bakery.Email,
    Register: companies.bakery.Register,
    OwnerId: joao,
    Phones: phone(companies.bakery.Phone),
    OtherProperties: [
      { FieldKey: seedFieldKey(1, "Número de funcionários"), IntegerValue: 12 },
      { FieldKey: seedFieldKey(1, "Origem da campanha"), StringValue: "Indicação de cliente" },
    ],
  });
  const builder = await contact(28, {
    Name: companies.builder.Name,
    TypeId: 1,
    Email: companies.builder.Email,
    Register: companies.builder.Register,
    OwnerId: ana,
    Phones: phone(companies.builder.Phone),
    OtherProperties: [{ FieldKey: seedFieldKey(1, "Faturamento mensal"), DecimalValue: 350000.5 }],
  });
  const mariana = await contact(25, {
    Name: existingPerson.Name,
    TypeId: 2,
    Email: existingPerson.Email,
    OwnerId: joao,
    OriginId: site,
    Phones: phone(existingPerson.Phone),
    OtherProperties: [
      { FieldKey: seedFieldKey(1, "Origem da campanha"), StringValue: "Google Ads – salgados" },
      { FieldKey: seedFieldKey(1, "Aceita receber ofertas"), BoolValue: true },
      { FieldKey: seedFieldKey(1, "Data do primeiro contato"), DateTimeValue: daysAgo(40) },
    ],
  });
  const roberto = await contact(21, {
    Name: personWithCompany.Name,
    TypeId: 2,
    Email: personWithCompany.Email,
    CompanyId: builder,
    OwnerId: ana,
    Phones: phone(personWithCompany.Phone),
  });
  await contact(18, { Name: otherPerson.Name, TypeId: 2, Email: otherPerson.Email, Phones: phone(otherPerson.Phone) });

  const stage = (path: string) => {
    const found = stages.get(path);
    if (!found) throw new Error(`The seed has no stage ${path}`);
    return found;
  };
  const qualification = stage("Funil de Vendas/Qualificação");
  const openDeal = await add("Deals", 14, {
    Title: existingPerson.openDealTitle,
    ContactId: mariana,
    PersonId: mariana,
    PipelineId: qualification.PipelineId,
    StageId: qualification.Id,
    OwnerId: joao,
    OriginId: site,
    Amount: 1800,
    OtherProperties: [
      { FieldKey: seedFieldKey(2, "Página de entrada"), StringValue: "https://paoquente.exemplo.com.br/encomendas" },
    ],
  });
  const closing = stage("Funil de Vendas/Fechamento");
  const wonDeal = await add("Deals", 12, {
    Title: "Reforma do escritório",
    ContactId: builder,
    PersonId: roberto,
    PipelineId: closing.PipelineId,
    StageId: closing.Id,
    StatusId: 2,
    OwnerId: ana,
    Amount: 45000,
  });
  const followUp = stage("Pós-venda/Acompanhamento");
  await add("Deals", 6, {
    Title: "Contrato de manutenção predial",
    ContactId: builder,
    PersonId: roberto,
    PipelineId: followUp.PipelineId,
    StageId: followUp.Id,
    OwnerId: ana,
    Amount: 1200,
  });
  await add("Leads", 4, {
    PersonName: lead.PersonName,
    CompanyName: lead.CompanyName,
    Email: lead.Email,
    Phones: phone(lead.Phone),
    OtherProperties: [{ FieldKey: seedFieldKey(3, "Quer demonstração"), BoolValue: true }],
  });
  await add("InteractionRecords", 2, {
    ContactId: mariana,
    DealId: openDeal,
    Date: daysAgo(2),
    Content: "Cliente pediu orçamento de 300 salgados para o dia 15.\nPreferência por entrega às 9h.",
  });
  await add("InteractionRecords", 1, {
    ContactId: roberto,
    DealId: wonDeal,
    Date: daysAgo(1),
    Content: "Contrato assinado. Início da obra em duas semanas.",
  });
}

/** One insert after another, so Ids follow the seed's order (and its dates). */
async function inOrder<T>(items: readonly T[], insert: (item: T) => Promise<number>): Promise<number[]> {
  const ids: number[] = [];
  for (const item of items) ids.push(await insert(item));
  return ids;
}
