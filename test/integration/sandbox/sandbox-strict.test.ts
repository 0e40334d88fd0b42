import { beforeAll, describe, expect, it } from "vitest";
import {
  createSandboxTenant,
  handleSandboxRequest,
  SANDBOX_API_PATH,
  SANDBOX_SEED,
  seedFieldKey,
} from "@/lib/ploomes-sandbox";
import { type Json, type SandboxCall, sandboxCaller } from "@/test/helpers/sandbox-call";
import { serveTestServer } from "@/test/helpers/serve-test-server";

// The rules that make the sandbox at least as strict as Ploomes (docs/ploomes-api.md): navigation properties only
// when expanded, bodies refused for any property the entity does not have, native fields apart from custom ones,
// suspended users, and `@odata.context` naming the address the request came to.

const server = serveTestServer();
let apiKey: string;
let call: SandboxCall;
const post = (path: string, body: unknown) => call(path, { method: "POST", body: JSON.stringify(body) });

beforeAll(async () => {
  ({ apiKey } = await createSandboxTenant({ name: "Estrito" }));
  call = sandboxCaller(server.sandboxApiUrl, apiKey);
});

const personId = async () =>
  (await call(`/Contacts?$filter=Email eq '${SANDBOX_SEED.existingPerson.Email}'&$select=Id`)).body.value[0]
    .Id as number;

describe("navigation properties", () => {
  it("are left out of lists, single records and write answers unless expanded", async () => {
    const id = await personId();
    const listed = (await call(`/Contacts?$filter=Id eq ${id}`)).body.value[0];
    expect(listed).toMatchObject({ Id: id, Email: SANDBOX_SEED.existingPerson.Email });
    for (const property of ["Phones", "OtherProperties", "Company", "Owner", "Origin"])
      expect(listed).not.toHaveProperty(property);
    // Selecting one does not bring it either: only $expand does.
    expect((await call(`/Contacts(${id})?$select=Id,Phones,OtherProperties`)).body).toEqual({
      "@odata.context": expect.any(String),
      Id: id,
    });
    const expanded = (
      await call(`/Contacts(${id})?$select=Id&$expand=Phones($select=PhoneNumber),OtherProperties,Owner($select=Name)`)
    ).body;
    expect(expanded).toMatchObject({
      Id: id,
      Phones: [{ PhoneNumber: SANDBOX_SEED.existingPerson.Phone }],
      Owner: { Name: "João Vendedor" },
    });
    expect(expanded.OtherProperties).toHaveLength(3);

    const deal = (await call(`/Deals?$filter=PersonId eq ${id}`)).body.value[0];
    expect(deal).not.toHaveProperty("OtherProperties");
    const lead = (await call("/Leads?$top=1")).body.value[0];
    expect(lead).not.toHaveProperty("Phones");

    const created = await post("/Contacts", {
      Name: "Com telefone",
      TypeId: 2,
      Phones: [{ PhoneNumber: "(11) 4000-1000", CountryId: 76 }],
    });
    expect(created.body.value[0]).not.toHaveProperty("Phones");
    // …while a filter still reaches them.
    const found = await call(`/Contacts?$filter=Phones/any(p: p/SearchPhoneNumber eq 551140001000)&$select=Id`);
    expect(found.body.value).toEqual([{ Id: created.body.value[0].Id }]);
  });
});

describe("bodies", () => {
  it("are refused with a 400 naming a property the entity does not have, on POST and PATCH, nested too", async () => {
    const id = await personId();
    const stage = (await call("/Deals@Stages?$top=1&$select=Id")).body.value[0].Id;
    const cases: [string, string, unknown, RegExp][] = [
      [
        "POST",
        "/Contacts",
        { Name: "X", TypeId: 2, Mobile: "1" },
        /The property 'Mobile' does not exist on Contacts\./,
      ],
      [
        "POST",
        "/Contacts",
        { Name: "X", TypeId: 2, Phones: [{ PhoneNumber: "1", Number: "1" }] },
        /'Number' does not exist on Contacts Phones\.0/,
      ],
      [
        "POST",
        "/Contacts",
        { Name: "X", TypeId: 2, OtherProperties: [{ FieldKey: "k", Value: "1" }] },
        /'Value' does not exist on Contacts OtherProperties\.0/,
      ],
      [
        "POST",
        "/Deals",
        { Title: "X", ContactId: id, StageId: stage, Description: "x" },
        /'Description' does not exist on Deals/,
      ],
      ["POST", "/Leads", { PersonName: "Ana", Note: "x" }, /'Note' does not exist on Leads/],
      ["POST", "/Leads", { PersonName: "Ana", Message: "x" }, /'Message' does not exist on Leads/],
      [
        "POST",
        "/InteractionRecords",
        { ContactId: id, Content: "x", Title: "x" },
        /'Title' does not exist on InteractionRecords/,
      ],
      ["POST", "/Contacts@Origins", { Name: "X", Color: "red" }, /'Color' does not exist on Contacts@Origins/],
      ["PATCH", `/Contacts(${id})`, { Nome: "typo" }, /'Nome' does not exist on Contacts/],
    ];
    for (const [method, path, body, message] of cases) {
      const answer = await call(path, { method, body: JSON.stringify(body) });
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
  });

  it("accept a lead with exactly the properties public sources show", async () => {
    const owner = (await call("/Users?$filter=Email eq 'ana@vendas.example'&$select=Id")).body.value[0].Id;
    const origin = (await call("/Contacts@Origins?$top=1&$select=Id")).body.value[0].Id;
    const lead = await post("/Leads", {
      PersonName: "Ana Lead",
      CompanyName: "Empresa da Ana",
      CompanyLegalName: "Empresa da Ana Ltda",
      CompanyRegister: "12.345.678/0001-90",
      Email: "ana.lead@exemplo.com.br",
      Origin: "JivoChat",
      OriginId: origin,
      OwnerId: owner,
      Phones: [{ PhoneNumber: "(11) 95555-0000", CountryId: 76 }],
      OtherProperties: [{ FieldKey: seedFieldKey(3, "Quer demonstração"), BoolValue: true }],
    });
    expect(lead.status).toBe(200);
    expect(lead.body.value[0]).toMatchObject({ PersonName: "Ana Lead", Origin: "JivoChat", OwnerId: owner });
  });
});

describe("fields", () => {
  it("lists native fields (Dynamic false, with their property) and custom ones (Dynamic true)", async () => {
    const all = (await call("/Fields?$filter=EntityId eq 1&$select=Key,Name,Dynamic,PropertyName")).body.value;
    expect(all).toContainEqual({ Key: "contact_name", Name: "Nome", Dynamic: false, PropertyName: "Name" });
    const custom = (await call("/Fields?$filter=EntityId eq 1 and Dynamic eq true&$select=Key")).body.value;
    expect(custom.map((field: { Key: string }) => field.Key).sort()).toEqual(
      SANDBOX_SEED.fields
        .filter((field) => field.EntityId === 1)
        .map((field) => field.Key)
        .sort(),
    );
  });

  it("refuse a native field sent as a custom-field value, naming the property to use", async () => {
    const answer = await post("/Contacts", {
      Name: "X",
      TypeId: 2,
      OtherProperties: [{ FieldKey: "contact_email", StringValue: "x@y.z" }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(
      /contact_email \("E-mail"\) is a native field of Cliente; send it as the record's property Email/,
    );
  });
});

describe("users", () => {
  it("say which are suspended", async () => {
    const active = (await call("/Users?$filter=Suspended eq false&$select=Name")).body.value.map(
      (user: { Name: string }) => user.Name,
    );
    expect(active).toContain("João Vendedor");
    expect(active).not.toContain("Rafael Desligado");
    expect((await call("/Users?$filter=Suspended eq true&$select=Name,Email")).body.value).toEqual([
      { Name: "Rafael Desligado", Email: "rafael@vendas.example" },
    ]);
  });
});

describe("@odata.context", () => {
  it("names the address the request came to, not the server's bind address", async () => {
    // As Next hands a route handler the request: its URL carries the bind address, the Host header what the client wrote.
    const request = new Request(`http://0.0.0.0:3000${SANDBOX_API_PATH}/Users?$top=1`, {
      headers: { host: "localhost:3103", "user-key": apiKey },
    });
    const answer = await handleSandboxRequest(request, ["Users"]);
    expect(((await answer.json()) as Json)["@odata.context"]).toBe(
      `http://localhost:3103${SANDBOX_API_PATH}/$metadata#Users`,
    );
    const { body } = await call("/Deals@Pipelines?$top=1");
    expect(body["@odata.context"]).toBe(`${server.url}${SANDBOX_API_PATH}/$metadata#Deals@Pipelines`);
  });
});
