import { beforeAll, describe, expect, it } from "vitest";
import { PloomesClient } from "@/lib/ploomes/client";
import { isCustomField } from "@/lib/ploomes/schemas";
import { createSandboxTenant, SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "@/test/helpers/serve-test-server";

// The real Ploomes client, unchanged, against the sandbox over HTTP: every method the integration uses.

const server = serveTestServer();
let client: PloomesClient;
let apiKey: string;
const { existingPerson, personWithCompany, companies, salesPipeline } = SANDBOX_SEED;

beforeAll(async () => {
  ({ apiKey } = await createSandboxTenant({ name: "Conta de testes" }));
  client = new PloomesClient({ baseUrl: server.sandboxApiUrl, apiKey });
});

async function sales() {
  const pipelines = await client.listPipelines();
  const pipeline = pipelines.find((candidate) => candidate.Name === salesPipeline.Name)!;
  return { pipeline, stages: pipeline.Stages ?? [] };
}

describe("metadata", () => {
  it("verifies the key with the account", async () => {
    await expect(client.verifyKey()).resolves.toMatchObject({ Id: expect.any(Number), Name: "Conta de testes" });
  });

  it("lists pipelines with their stages in order", async () => {
    const pipelines = await client.listPipelines();
    expect(pipelines.map((pipeline) => pipeline.Name)).toEqual([
      salesPipeline.Name,
      SANDBOX_SEED.afterSalesPipeline.Name,
    ]);
    const { pipeline, stages } = await sales();
    expect(stages.map((stage) => stage.Name)).toEqual(salesPipeline.stages);
    expect(stages.map((stage) => stage.Ordination)).toEqual([1, 2, 3, 4, 5]);
    expect(stages.every((stage) => stage.PipelineId === pipeline.Id)).toBe(true);
    // $select inside $expand is honoured: nothing but the selected properties.
    expect(Object.keys(stages[0]!).sort()).toEqual(["Id", "Name", "Ordination", "PipelineId"]);
  });

  it("lists the stages of one pipeline", async () => {
    const { pipeline, stages } = await sales();
    await expect(client.listStages(pipeline.Id)).resolves.toEqual(stages);
  });

  it("lists the native and custom fields of clients, deals and leads, told apart by Dynamic", async () => {
    for (const entityId of [1, 2, 3] as const) {
      const fields = await client.listFields(entityId);
      expect(fields.every((field) => field.EntityId === entityId)).toBe(true);
      expect(fields.every((field) => field.Key.startsWith(["contact_", "deal_", "lead_"][entityId - 1]!))).toBe(true);
      const custom = fields.filter(isCustomField);
      expect(custom.map((field) => field.Type.NativeType).sort()).toEqual(
        ["Bool", "BigString", "DateTime", "Decimal", "Integer", "String"].sort(),
      );
      expect(custom.every((field) => field.Dynamic === true)).toBe(true);
      const native = fields.filter((field) => !isCustomField(field));
      expect(native.map((field) => field.Key)).toEqual(
        SANDBOX_SEED.nativeFields.filter((field) => field.EntityId === entityId).map((field) => field.Key),
      );
      expect(native.every((field) => field.Dynamic === false)).toBe(true);
    }
    expect((await client.listFields(2)).map((field) => field.Name)).toContain("Página de entrada");
  });

  it("lists users ordered by name", async () => {
    const users = await client.listUsers();
    expect(users.map((user) => user.Name)).toEqual(
      SANDBOX_SEED.users.map((user) => user.Name).sort((a, b) => a.localeCompare(b)),
    );
    expect(users.find((user) => user.Name === "João Vendedor")).toMatchObject({
      Email: "joao@vendas.example",
      Suspended: false,
    });
    expect(users.find((user) => user.Name === "Rafael Desligado")?.Suspended).toBe(true);
  });

  it("creates the JivoChat origin once and finds it afterwards", async () => {
    const first = await client.findOrCreateOrigin();
    const second = await client.findOrCreateOrigin();
    expect(first).toMatchObject({ Name: "JivoChat" });
    expect(second.Id).toBe(first.Id);
  });
});

describe("finding clients", () => {
  it("finds a person by e-mail, whatever its case", async () => {
    const person = await client.findPersonByEmail(existingPerson.Email.toUpperCase());
    expect(person).toMatchObject({ Name: existingPerson.Name, TypeId: 2, Email: existingPerson.Email });
    await expect(client.findPersonByEmail("ninguem@exemplo.com.br")).resolves.toBeNull();
  });

  it("finds a person by phone with Phones/any(p: p/SearchPhoneNumber eq …)", async () => {
    // National form only: the sandbox stores the 55 form, so this must miss — and the pair must hit.
    await expect(client.findPersonByPhones([11912345678])).resolves.toBeNull();
    const person = await client.findPersonByPhones([11912345678, 5511912345678]);
    expect(person?.Name).toBe(existingPerson.Name);
    await expect(client.findPersonByPhones([])).resolves.toBeNull();
  });

  it("finds a person by e-mail or phone, preferring the e-mail match", async () => {
    const byEmail = await client.findPersonByEmailOrPhones(personWithCompany.Email, [existingPerson.SearchPhoneNumber]);
    expect(byEmail).toMatchObject({ by: "email", person: { Name: personWithCompany.Name } });
    const byPhone = await client.findPersonByEmailOrPhones("outra@exemplo.com.br", [existingPerson.SearchPhoneNumber]);
    expect(byPhone).toMatchObject({ by: "phone", person: { Name: existingPerson.Name } });
    await expect(client.findPersonByEmailOrPhones("outra@exemplo.com.br", [5599999999999])).resolves.toBeNull();
  });

  it("finds a company by any spelling of its name, and only companies", async () => {
    const company = await client.findCompanyByName(["Construtora Horizonte", companies.builder.Name]);
    expect(company).toMatchObject({ Name: companies.builder.Name, TypeId: 1 });
    await expect(client.findCompanyByName([existingPerson.Name])).resolves.toBeNull();
  });

  it("reads a contact with its company, owner and phones expanded (look-ups answer without them)", async () => {
    const person = await client.findPersonByEmail(personWithCompany.Email);
    expect(person).not.toHaveProperty("Phones");
    const contact = await client.getContact(person!.Id);
    expect(contact).toMatchObject({
      Id: person!.Id,
      Company: { Name: companies.builder.Name },
      Owner: { Name: "Ana Gestora", Email: "ana@vendas.example" },
      Phones: [{ PhoneNumber: personWithCompany.Phone }],
    });
    await expect(client.getContact(2_000_000_000)).resolves.toBeNull();
  });
});

describe("writing records", () => {
  it("creates a contact with phones and custom fields, then updates it", async () => {
    const origin = await client.findOrCreateOrigin();
    const created = await client.createContact({
      Name: "Paula Nova",
      TypeId: 2,
      Email: "paula.nova@exemplo.com.br",
      OriginId: origin.Id,
      Phones: [{ PhoneNumber: "(48) 99911-2233", CountryId: 76 }],
      OtherProperties: [
        { FieldKey: seedFieldKey(1, "Origem da campanha"), StringValue: "JivoChat" },
        { FieldKey: seedFieldKey(1, "Número de funcionários"), IntegerValue: 3 },
        { FieldKey: seedFieldKey(1, "Aceita receber ofertas"), BoolValue: false },
      ],
    });
    expect(created).toMatchObject({ Name: "Paula Nova", TypeId: 2, OriginId: origin.Id, CompanyId: null });
    expect(created.CreateDate).toEqual(expect.any(String));
    // Navigation properties are not in the answer unless expanded, as with Ploomes.
    expect(created).not.toHaveProperty("Phones");
    expect(created).not.toHaveProperty("OtherProperties");
    const expanded = await fetch(`${server.sandboxApiUrl}/Contacts(${created.Id})?$expand=Phones,OtherProperties`, {
      headers: { "User-Key": apiKey },
    });
    const stored = (await expanded.json()) as { Phones: unknown[]; OtherProperties: unknown[] };
    expect(stored.Phones).toEqual([
      { PhoneNumber: "(48) 99911-2233", TypeId: null, CountryId: 76, SearchPhoneNumber: 5548999112233 },
    ]);
    expect(stored.OtherProperties).toHaveLength(3);

    await expect(client.findPersonByPhones([5548999112233])).resolves.toMatchObject({ Id: created.Id });

    const company = await client.findCompanyByName([companies.bakery.Name]);
    await client.updateContact(created.Id, { CompanyId: company!.Id });
    await expect(client.getContact(created.Id)).resolves.toMatchObject({
      CompanyId: company!.Id,
      Company: { Name: companies.bakery.Name },
    });
  });

  it("refuses a contact body Ploomes would refuse", async () => {
    await expect(
      client.createContact({
        Name: "X",
        TypeId: 2,
        OtherProperties: [{ FieldKey: "contact_NAO-EXISTE", StringValue: "x" }],
      }),
    ).rejects.toMatchObject({
      kind: "bad_request",
      status: 400,
      ploomesMessage: expect.stringContaining("contact_NAO-EXISTE"),
    });
    // A deal field on a contact, and a value in the wrong property for the field's type.
    await expect(
      client.createContact({
        Name: "X",
        TypeId: 2,
        OtherProperties: [{ FieldKey: seedFieldKey(2, "Página de entrada"), StringValue: "x" }],
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      client.createContact({
        Name: "X",
        TypeId: 2,
        OtherProperties: [{ FieldKey: seedFieldKey(1, "Número de funcionários"), StringValue: "3" }],
      }),
    ).rejects.toMatchObject({ status: 400, ploomesMessage: expect.stringContaining("IntegerValue") });
    await expect(client.createContact({ Name: "X", TypeId: 2, CompanyId: 2_000_000_000 })).rejects.toMatchObject({
      status: 400,
    });
  });

  it("finds the open deal of a person in a funnel, and lists a contact's open deals", async () => {
    const { pipeline } = await sales();
    const person = await client.findPersonByEmail(existingPerson.Email);
    const deal = await client.findOpenDeal({ personId: person!.Id, pipelineId: pipeline.Id });
    expect(deal).toMatchObject({ Title: existingPerson.openDealTitle, StatusId: 1, PipelineId: pipeline.Id });
    const other = await client.findPersonByEmail(SANDBOX_SEED.otherPerson.Email);
    await expect(client.findOpenDeal({ personId: other!.Id, pipelineId: pipeline.Id })).resolves.toBeNull();

    const builder = await client.findCompanyByName([companies.builder.Name]);
    const open = await client.listOpenDealsOfContact(builder!.Id);
    // The won "Reforma do escritório" is not open; the maintenance contract (Pós-venda) is.
    expect(open.map((candidate) => candidate.Title)).toEqual(["Contrato de manutenção predial"]);
  });

  it("creates a deal open by default with its funnel taken from the stage, and refuses a missing stage", async () => {
    const { pipeline, stages } = await sales();
    const person = await client.findPersonByEmail(SANDBOX_SEED.otherPerson.Email);
    const deal = await client.createDeal({
      Title: "JivoChat – Fernanda",
      ContactId: person!.Id,
      PersonId: person!.Id,
      StageId: stages[0]!.Id,
      Amount: 250.5,
      OtherProperties: [{ FieldKey: seedFieldKey(2, "Veio pelo chat"), BoolValue: true }],
    });
    expect(deal).toMatchObject({ StatusId: 1, PipelineId: pipeline.Id, StageId: stages[0]!.Id, Amount: 250.5 });
    const listed = await client.listOpenDealsOfContact(person!.Id);
    expect(listed[0]?.Id).toBe(deal.Id);

    const missing = client.createDeal({ Title: "Sem estágio", ContactId: person!.Id, StageId: 2_000_000_000 });
    await expect(missing).rejects.toMatchObject({ kind: "bad_request", status: 400, retryable: false });
    await expect(missing).rejects.toThrow(/StageId 2000000000 does not exist/);
  });

  it("creates a lead", async () => {
    const lead = await client.createLead({
      PersonName: "Visitante Anônimo",
      Email: "visitante@exemplo.com.br",
      Phones: [{ PhoneNumber: "(11) 3000-1234", CountryId: 76 }],
      OtherProperties: [{ FieldKey: seedFieldKey(3, "Mensagem do visitante"), BigStringValue: "Quero um orçamento" }],
    });
    expect(lead).toMatchObject({
      Id: expect.any(Number),
      PersonName: "Visitante Anônimo",
      Email: "visitante@exemplo.com.br",
    });
  });

  it("creates an interaction record on a contact's timeline", async () => {
    const person = await client.findPersonByEmail(existingPerson.Email);
    const record = await client.createInteractionRecord({
      ContactId: person!.Id,
      Date: new Date("2026-11-20T14:30:00Z"),
      Content: "Visitante: Olá!\nAgente: Bom dia, como posso ajudar?",
    });
    expect(record).toMatchObject({ ContactId: person!.Id, DealId: null, Date: "2026-11-20T14:30:00.000Z" });
    expect(record.Content).toContain("\n");
  });
});
