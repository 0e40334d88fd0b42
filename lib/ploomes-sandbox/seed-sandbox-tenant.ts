import { type EntitySetName, entitySet } from "./entity-sets";
import { SANDBOX_SEED, seedFieldKey } from "./sandbox-seed";
import { type SandboxDb, insertStoredRecord } from "./sandbox-store";
import { withSearchPhoneNumbers } from "./search-phone-number";
import { FIELD_TYPES, type SandboxRecordData } from "./static-catalogs";

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
      stages.set(`${pipeline.Name}/${Name}`, { Id: await add("Deals@Stages", SETUP_AGE, { Name, PipelineId, Ordination: index + 1 }), PipelineId });
    }
  }
  const typeId = (nativeType: string) => FIELD_TYPES.find((type) => type.NativeType === nativeType)?.Id;
  for (const { NativeType, ...field } of SANDBOX_SEED.nativeFields) {
    await add("Fields", SETUP_AGE, { ...field, TypeId: typeId(NativeType), OptionsTableId: null, Dynamic: false });
  }
  for (const { NativeType, ...field } of SANDBOX_SEED.fields) {
    await add("Fields", SETUP_AGE, { ...field, TypeId: typeId(NativeType), OptionsTableId: null, Dynamic: true, PropertyName: null });
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
    OtherProperties: [{ FieldKey: seedFieldKey(2, "Página de entrada"), StringValue: "https://paoquente.exemplo.com.br/encomendas" }],
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
