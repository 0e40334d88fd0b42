import { beforeAll, describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { createSandboxTenant, SANDBOX_SEED } from "@/lib/ploomes-sandbox";
import { type SandboxCall, sandboxCaller } from "@/test/helpers/sandbox-call";
import { serveTestServer } from "@/test/helpers/serve-test-server";

// The OData surface beyond what the client uses: single records, PATCH and DELETE answers, errors.

const server = serveTestServer();
let tenantId: string;
let call: SandboxCall;

beforeAll(async () => {
  const { apiKey, ...created } = await createSandboxTenant({ name: "HTTP" });
  tenantId = created.tenantId;
  call = sandboxCaller(server.sandboxApiUrl, apiKey);
});

describe("sandbox OData API", () => {
  it("lists with @odata.context, $count, $orderby, $top and $skip", async () => {
    const { status, body } = await call("/Deals@Stages?$orderby=Id desc&$top=2&$skip=1&$count=true&$select=Id,Name");
    expect(status).toBe(200);
    expect(body["@odata.context"]).toMatch(/\/sandbox\/ploomes\/api\/\$metadata#Deals@Stages$/);
    expect(body["@odata.count"]).toBe(8);
    expect(body.value).toHaveLength(2);
    expect(body.value[0].Id).toBeGreaterThan(body.value[1].Id);
  });

  it("ends a page at 300 records without $top, as Ploomes does", async () => {
    const data = Array.from({ length: 320 }, (_, i) => ({
      tenantId,
      entity: "Contacts@Origins",
      data: JSON.stringify({ Name: `Origem ${i}` }),
    }));
    await systemDb.sandboxRecord.createMany({ data });
    const firstPage = await call("/Contacts@Origins?$select=Id");
    expect(firstPage.body.value).toHaveLength(300);
    const rest = await call("/Contacts@Origins?$select=Id&$skip=300");
    expect(rest.body.value).toHaveLength(320 + 2 - 300);
    await systemDb.sandboxRecord.deleteMany({
      where: { tenantId, entity: "Contacts@Origins", data: { contains: "Origem " } },
    });
  });

  it("serves the fixed catalogs", async () => {
    expect((await call("/Deals@Status")).body.value).toEqual([
      { Id: 1, Name: "Em aberto" },
      { Id: 2, Name: "Ganho" },
      { Id: 3, Name: "Perdido" },
    ]);
    expect((await call("/Contacts@Types?$filter=Id eq 2")).body.value).toEqual([{ Id: 2, Name: "Pessoa" }]);
  });

  it("reads one record by key, 404 when missing", async () => {
    const { body } = await call(`/Contacts?$filter=Email eq '${SANDBOX_SEED.personWithCompany.Email}'&$select=Id`);
    const id = body.value[0].Id;
    const one = await call(`/Contacts(${id})?$select=Id,Name&$expand=Company($select=Name),Phones`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      Id: id,
      Name: SANDBOX_SEED.personWithCompany.Name,
      Company: { Name: SANDBOX_SEED.companies.builder.Name },
      Phones: [{ PhoneNumber: SANDBOX_SEED.personWithCompany.Phone, SearchPhoneNumber: 5521987654321 }],
    });
    expect((await call("/Contacts(2000000000)")).status).toBe(404);
  });

  it("patches (merging custom fields by key) and deletes", async () => {
    const fields = (await call("/Fields?$filter=EntityId eq 1&$select=Key,Name")).body.value as {
      Key: string;
      Name: string;
    }[];
    const key = (name: string) => fields.find((field) => field.Name === name)!.Key;
    const created = await call("/Contacts", {
      method: "POST",
      body: JSON.stringify({
        Name: "Temporária",
        TypeId: 1,
        OtherProperties: [{ FieldKey: key("Origem da campanha"), StringValue: "a" }],
      }),
    });
    expect(created.status).toBe(200);
    const id = created.body.value[0].Id;
    const patched = await call(`/Contacts(${id})?$expand=OtherProperties`, {
      method: "PATCH",
      body: JSON.stringify({
        Name: "Renomeada",
        OtherProperties: [{ FieldKey: key("Faturamento mensal"), DecimalValue: 10.5 }],
      }),
    });
    expect(patched.status).toBe(200);
    expect(patched.body.value[0]).toMatchObject({ Id: id, Name: "Renomeada", TypeId: 1 });
    expect(patched.body.value[0].OtherProperties).toHaveLength(2);
    expect(patched.body.value[0].LastUpdateDate >= created.body.value[0].LastUpdateDate).toBe(true);

    expect((await call(`/Contacts(${id})`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/Contacts(${id})`)).status).toBe(404);
    expect((await call(`/Contacts(${id})`, { method: "DELETE" })).status).toBe(404);
  });

  it("answers 400 like Ploomes to bodies it refuses", async () => {
    const post = (path: string, body: unknown) => call(path, { method: "POST", body: JSON.stringify(body) });
    const cases: [string, unknown, RegExp][] = [
      ["/Contacts", { TypeId: 2 }, /'Name' is required/],
      ["/Contacts", { Name: "X" }, /'TypeId' is required/],
      ["/Contacts", { Name: "X", TypeId: 3 }, /TypeId 3 does not exist/],
      ["/Contacts", { Name: "X", TypeId: 2, Nome: "typo" }, /'Nome' does not exist on Contacts/],
      ["/Deals", { Title: "X", StageId: 1 }, /'ContactId' is required/],
      ["/Leads", { CompanyName: "  " }, /A lead needs/],
      ["/Leads", { PersonName: "Ana", Note: "só uma nota" }, /'Note' does not exist on Leads/],
      ["/InteractionRecords", { ContactId: 2000000000, Content: "x" }, /ContactId 2000000000 does not exist/],
    ];
    for (const [path, body, message] of cases) {
      const answer = await post(path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    const notJson = await call("/Contacts", { method: "POST", body: "{nope" });
    expect(notJson.status).toBe(400);
  });

  it("keeps a deal in its stage's funnel: refuses a contradiction, follows a stage change", async () => {
    const pipelines = (await call("/Deals@Pipelines?$expand=Stages")).body.value;
    const person = (await call(`/Contacts?$filter=Email eq '${SANDBOX_SEED.otherPerson.Email}'`)).body.value[0];
    const answer = await call("/Deals", {
      method: "POST",
      body: JSON.stringify({
        Title: "X",
        ContactId: person.Id,
        PipelineId: pipelines[0].Id,
        StageId: pipelines[1].Stages[0].Id,
      }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/is not a stage of pipeline/);

    // Moving a deal to another funnel's stage moves it to that funnel.
    const deal = await call("/Deals", {
      method: "POST",
      body: JSON.stringify({ Title: "Y", ContactId: person.Id, StageId: pipelines[0].Stages[0].Id }),
    });
    expect(deal.body.value[0].PipelineId).toBe(pipelines[0].Id);
    const moved = await call(`/Deals(${deal.body.value[0].Id})`, {
      method: "PATCH",
      body: JSON.stringify({ StageId: pipelines[1].Stages[0].Id }),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.value[0]).toMatchObject({ PipelineId: pipelines[1].Id, StageId: pipelines[1].Stages[0].Id });
  });

  it("answers 400 with the engine's message to malformed OData, 404 to unknown resources, 405 to read-only ones", async () => {
    const malformed = await call("/Contacts?$filter=Name eq");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^Invalid \$filter/);
    expect((await call("/Contacts?$expand=Deals")).body.error.message).toMatch(/not a navigation property of Contacts/);
    expect((await call("/Contacts?$top=301")).status).toBe(400);
    expect((await call("/Produtos")).status).toBe(404);
    expect((await call("/Contacts/12")).status).toBe(404);
    const readOnly = await call("/Users", { method: "POST", body: JSON.stringify({ Name: "X" }) });
    expect(readOnly.status).toBe(405);
    expect((await call("/Contacts", { method: "DELETE" })).status).toBe(405);
  });
});
