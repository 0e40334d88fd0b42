import { describe, expect, it } from "vitest";
import { SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupFunnelIntegration,
} from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";
import { LEAD_CONTACT_MAPPINGS } from "../../helpers/mappings";

const server = serveTestServer();

/** Sets up an integration whose funnel is the seed's "Funil de Vendas › Prospecção". */
const integrationWith = (settings: IntegrationSettingsInput) => setupFunnelIntegration(server.url, settings);

/** chat_finished_br, but from a visitor the sandbox seed already knows. */
function returningVisitorPayload() {
  const payload = JSON.parse(fixture("chat_finished_br"));
  payload.chat_id = 555000111;
  payload.visitor.email = SANDBOX_SEED.existingPerson.Email.toUpperCase();
  payload.visitor.phone = "11 91234-5678";
  payload.visitor.name = SANDBOX_SEED.existingPerson.Name;
  payload.organization = null;
  return JSON.stringify(payload);
}

describe("a finished chat becomes the chosen records", () => {
  it("Criar Empresa, Pessoa e Negócio, new client: company, person linked to it, deal in the funnel, transcript", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal" });
    const before = { contacts: (await sandboxRecords(setup.tenantId, "Contacts")).length };
    expect((await deliver(setup.webhookUrl, fixture("chat_finished_br"))).body).toEqual({ result: "ok" });
    await drain([setup.integration.id]);

    const [event] = await eventsOf(setup.integration.id);
    expect(event!.status).toBe("done");
    const contacts = await sandboxRecords(setup.tenantId, "Contacts");
    expect(contacts.length).toBe(before.contacts + 2);
    const company = contacts.find((c) => c.Name === "Acme Indústria Ltda")!;
    const person = contacts.find((c) => c.Email === "mariana.conceicao@acme.com.br")!;
    expect(company).toMatchObject({ TypeId: 1 });
    expect(person).toMatchObject({ TypeId: 2, Name: "Mariana Conceição", CompanyId: company.Id });
    expect(person.Phones).toEqual([expect.objectContaining({ PhoneNumber: "(11) 98765-4321", CountryId: 76 })]);

    const deals = (await sandboxRecords(setup.tenantId, "Deals")).filter((d) => d.PersonId === person.Id);
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({
      Title: "JivoChat – Mariana Conceição",
      ContactId: company.Id,
      PipelineId: setup.pipelineId,
      StageId: setup.stageId,
      OwnerId: expect.any(Number),
      OriginId: expect.any(Number),
    });
    const origins = await sandboxRecords(setup.tenantId, "Contacts@Origins");
    expect(origins.find((o) => o.Id === deals[0]!.OriginId)?.Name).toBe("JivoChat");
    const users = await sandboxRecords(setup.tenantId, "Users");
    expect(users.find((u) => u.Id === deals[0]!.OwnerId)?.Email).toBe("joao@vendas.example");

    const notes = (await sandboxRecords(setup.tenantId, "InteractionRecords")).filter((r) => r.DealId === deals[0]!.Id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.Content).toContain("[13:00] Mariana Conceição: Olá! Quero um orçamento para 40 licenças.");
    expect(notes[0]!.Content).toContain("Avaliação: positiva");
    expect(notes[0]!.Content).not.toContain("<b>");
    // The budget's look-ups: person (e-mail or phone, one call), company; then 4 writes — plus metadata on a cold cache.
    const dataCalls = event!.calls.filter((c) => !/Origins|Users|Pipelines|Fields/.test(c.path));
    expect(dataCalls.length).toBeLessThanOrEqual(6);
  });

  it("Criar Empresa, Pessoa e Negócio, returning client: reuses the person, no duplicate", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal", avoidDuplicateDeals: false });
    const contactsBefore = (await sandboxRecords(setup.tenantId, "Contacts")).length;
    await deliver(setup.webhookUrl, returningVisitorPayload());
    await drain([setup.integration.id]);
    expect((await sandboxRecords(setup.tenantId, "Contacts")).length).toBe(contactsBefore);
    const existing = (await sandboxRecords(setup.tenantId, "Contacts")).find(
      (c) => c.Email === SANDBOX_SEED.existingPerson.Email,
    )!;
    const deals = (await sandboxRecords(setup.tenantId, "Deals")).filter((d) => d.PersonId === existing.Id);
    expect(deals).toHaveLength(2); // the seeded open deal + the new one
  });

  it("evitar duplicidade: an open deal of the person in the funnel gets the transcript instead of a new deal", async () => {
    const setup = await integrationWith({ behaviour: "person_deal", avoidDuplicateDeals: true });
    const dealsBefore = await sandboxRecords(setup.tenantId, "Deals");
    const notesBefore = (await sandboxRecords(setup.tenantId, "InteractionRecords")).length;
    await deliver(setup.webhookUrl, returningVisitorPayload());
    await drain([setup.integration.id]);
    const deals = await sandboxRecords(setup.tenantId, "Deals");
    expect(deals.length).toBe(dealsBefore.length);
    const open = deals.find((d) => d.Title === SANDBOX_SEED.existingPerson.openDealTitle)!;
    const notes = await sandboxRecords(setup.tenantId, "InteractionRecords");
    expect(notes.length).toBe(notesBefore + 1);
    expect(notes.at(-1)).toMatchObject({ DealId: open.Id, ContactId: open.PersonId });
    const [event] = await eventsOf(setup.integration.id);
    expect(event!.status).toBe("done");
    // Returning client: person look-up, open-deal look-up, transcript.
    const dataCalls = event!.calls.filter((c) => !/Origins|Users|Pipelines|Fields/.test(c.path));
    expect(dataCalls.length).toBeLessThanOrEqual(4);
  });

  it("Criar Pessoa e Negócio, new client without duplicate avoidance: person + deal, no company", async () => {
    const setup = await integrationWith({ behaviour: "person_deal", avoidDuplicateDeals: false });
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    const contacts = await sandboxRecords(setup.tenantId, "Contacts");
    expect(contacts.some((c) => c.Name === "Acme Indústria Ltda")).toBe(false);
    const person = contacts.find((c) => c.Email === "mariana.conceicao@acme.com.br")!;
    expect(person.CompanyId ?? null).toBeNull();
    const deals = (await sandboxRecords(setup.tenantId, "Deals")).filter((d) => d.PersonId === person.Id);
    expect(deals).toHaveLength(1);
    expect(deals[0]!.ContactId).toBe(person.Id);
  });

  it("Criar só Empresa e Pessoa: both, no deal; the transcript goes on the person", async () => {
    const setup = await integrationWith({ behaviour: "company_person" });
    const dealsBefore = (await sandboxRecords(setup.tenantId, "Deals")).length;
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    expect((await sandboxRecords(setup.tenantId, "Deals")).length).toBe(dealsBefore);
    const person = (await sandboxRecords(setup.tenantId, "Contacts")).find(
      (c) => c.Email === "mariana.conceicao@acme.com.br",
    )!;
    expect(person.CompanyId).toEqual(expect.any(Number));
    const notes = (await sandboxRecords(setup.tenantId, "InteractionRecords")).filter((r) => r.ContactId === person.Id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.DealId ?? null).toBeNull();
  });

  it("Criar Lead: a lead with the mapped fields and a custom field value", async () => {
    const campaignField = seedFieldKey(3, "Origem da campanha");
    const setup = await integrationWith({
      behaviour: "lead",
      mappings: [
        ...LEAD_CONTACT_MAPPINGS,
        { source: "organization.name", entity: "lead", field: "CompanyName" },
        { source: "session.utm.campaign", entity: "lead", field: `custom:${campaignField}` },
      ],
    });
    const leadsBefore = (await sandboxRecords(setup.tenantId, "Leads")).length;
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    const leads = await sandboxRecords(setup.tenantId, "Leads");
    expect(leads.length).toBe(leadsBefore + 1);
    expect(leads.at(-1)).toMatchObject({
      PersonName: "Mariana Conceição",
      CompanyName: "Acme Indústria Ltda",
      Email: "mariana.conceicao@acme.com.br",
      OtherProperties: [expect.objectContaining({ FieldKey: campaignField, StringValue: "black_friday" })],
    });
  });

  it("never gives a record to a suspended user: a suspended agent falls to the default owner, a suspended default to nobody", async () => {
    const { systemDb } = await import("@/lib/db/client");
    const setup = await integrationWith({ behaviour: "person_deal", avoidDuplicateDeals: false });
    const users = await sandboxRecords(setup.tenantId, "Users");
    const id = (email: string) => users.find((user) => user.Email === email)!.Id as number;
    // João, the chat's agent, leaves the team.
    const joao = users.find((user) => user.Email === "joao@vendas.example")!;
    const { Id: _id, ...joaoData } = joao;
    await systemDb.sandboxRecord.update({
      where: { id: id("joao@vendas.example") },
      data: { data: JSON.stringify({ ...joaoData, Suspended: true }) },
    });
    const settings = JSON.parse(
      (await systemDb.integration.findUniqueOrThrow({ where: { id: setup.integration.id } })).settings,
    );
    const configure = (extra: Record<string, unknown>) =>
      systemDb.integration.update({
        where: { id: setup.integration.id },
        data: { settings: JSON.stringify({ ...settings, ...extra }) },
      });

    await configure({ defaultOwnerId: id("ana@vendas.example"), ownerFromAgent: true });
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    // The suspended default owner, with the agent not wanted.
    await configure({ defaultOwnerId: id("rafael@vendas.example"), ownerFromAgent: false });
    const second = JSON.parse(fixture("chat_finished_br"));
    second.chat_id = 777000222;
    await deliver(setup.webhookUrl, JSON.stringify(second));
    await drain([setup.integration.id]);

    const events = await eventsOf(setup.integration.id);
    expect(events.map((event) => event.status)).toEqual(["done", "done"]);
    const dealOf = async (index: number) =>
      (await sandboxRecords(setup.tenantId, "Deals")).find(
        (deal) => deal.Id === JSON.parse(events[index]!.outcome).deal.id,
      )!;
    expect((await dealOf(0)).OwnerId).toBe(id("ana@vendas.example"));
    expect(JSON.parse(events[0]!.warnings ?? "[]")).toContainEqual({ code: "agent_suspended" });
    expect((await dealOf(1)).OwnerId).toBeNull();
    expect(JSON.parse(events[1]!.warnings ?? "[]")).toContainEqual({ code: "default_owner_suspended" });
  });

  it("offline messages follow their own setting: a lead even when chats create deals", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal", offlineBehaviour: "lead" });
    const leadsBefore = (await sandboxRecords(setup.tenantId, "Leads")).length;
    await deliver(setup.webhookUrl, fixture("offline_message"));
    await drain([setup.integration.id]);
    expect((await sandboxRecords(setup.tenantId, "Leads")).length).toBe(leadsBefore + 1);
  });

  it("all the fixtures go through, each as its event should", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal", offlineBehaviour: "same" });
    for (const name of [
      "chat_accepted",
      "chat_finished",
      "chat_finished_br",
      "offline_message",
      "client_updated",
      "call_event",
    ]) {
      expect((await deliver(setup.webhookUrl, fixture(name))).status, name).toBe(200);
    }
    await drain([setup.integration.id]);
    const events = await eventsOf(setup.integration.id);
    const statuses = Object.fromEntries(events.map((e) => [e.eventName + (e.chatId ? `:${e.chatId}` : ""), e.status]));
    expect(statuses).toEqual({
      "chat_accepted:7636": "ignored",
      "chat_finished:7607": "done",
      "chat_finished:918273645": "done",
      "offline_message:7701": "done",
      // Its visitor (client 1217) was never written by this integration: done, nothing created.
      client_updated: "done",
      // A finished call (status end): an interaction record on the caller (test/integration/sync/call-event.test.ts).
      "call_event:7702": "done",
    });
  });
});
