import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { reprocessEvent } from "@/lib/events/reprocess";
import { serveTestServer } from "../../helpers/serve-test-server";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupSandboxIntegration,
} from "../../helpers/sandbox-integration";

const server = serveTestServer();

/** client_updated as JivoChat sends it for the visitor of chat_finished_br (client 40512 on the same channel). */
function clientUpdated(visitor: Record<string, unknown>, clientId: string | number = "40512") {
  const base = JSON.parse(fixture("client_updated"));
  return JSON.stringify({
    ...base,
    widget_id: "aB3kZ9xQ1m",
    client_id: clientId,
    visitor: { ...base.visitor, number: clientId, ...visitor },
  });
}

async function lastEvent(integrationId: string) {
  return (await eventsOf(integrationId)).at(-1)!;
}

const patches = (event: { calls: { method: string; path: string }[] }) =>
  event.calls.filter((call) => call.method === "PATCH");

describe("client_updated", () => {
  it("updates the person the integration wrote for the visitor: phones added, blanks ignored, nothing created", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "company_person" });
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    const contactsAfterChat = (await sandboxRecords(setup.tenantId, "Contacts")).length;
    const person = (await sandboxRecords(setup.tenantId, "Contacts")).find(
      (c) => c.Email === "mariana.conceicao@acme.com.br",
    )!;

    // The agent completes the name and adds a second phone; the e-mail field is blank in this update.
    await deliver(
      setup.webhookUrl,
      clientUpdated({ name: "Mariana Conceição Souza", email: "", phone: "+55 21 99876-5432" }),
    );
    await drain([setup.integration.id]);
    let event = await lastEvent(setup.integration.id);
    expect(event.status).toBe("done");
    expect(JSON.parse(event.outcome).contactUpdate).toEqual({
      entity: "person",
      id: person.Id,
      changed: ["Name", "Phones"],
    });
    let contacts = await sandboxRecords(setup.tenantId, "Contacts");
    expect(contacts.length).toBe(contactsAfterChat);
    let updated = contacts.find((c) => c.Id === person.Id)!;
    expect(updated).toMatchObject({
      Name: "Mariana Conceição Souza",
      Email: "mariana.conceicao@acme.com.br",
      CompanyId: person.CompanyId,
    });
    expect(
      (updated.Phones as { PhoneNumber: string; CountryId?: number }[]).map((p) => [p.PhoneNumber, p.CountryId]),
    ).toEqual([
      ["(11) 98765-4321", 76],
      ["(21) 99876-5432", 76],
    ]);

    // The same phone in another format is not added twice; a new e-mail replaces the old one; a null name keeps it.
    await deliver(
      setup.webhookUrl,
      clientUpdated({ name: null, email: "Mariana.Nova@Acme.com.br", phone: "(21) 99876-5432" }),
    );
    await drain([setup.integration.id]);
    event = await lastEvent(setup.integration.id);
    expect(JSON.parse(event.outcome).contactUpdate).toMatchObject({ changed: ["Email"] });
    updated = (await sandboxRecords(setup.tenantId, "Contacts")).find((c) => c.Id === person.Id)!;
    expect(updated).toMatchObject({ Name: "Mariana Conceição Souza", Email: "mariana.nova@acme.com.br" });
    expect((updated.Phones as unknown[]).length).toBe(2);

    // Reprocessed: Ploomes already has it all, so nothing is sent again.
    await reprocessEvent(scopedDb(setup.account.id), event.id);
    await drain([setup.integration.id]);
    event = await lastEvent(setup.integration.id);
    expect(JSON.parse(event.outcome).contactUpdate).toMatchObject({ changed: [] });
    expect(patches(event)).toHaveLength(1);
    contacts = await sandboxRecords(setup.tenantId, "Contacts");
    expect(contacts.length).toBe(contactsAfterChat);
  });

  it("a visitor the integration never wrote is left alone: no look-up by e-mail creates or changes anything", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "company_person" });
    const before = await sandboxRecords(setup.tenantId, "Contacts");
    await deliver(setup.webhookUrl, fixture("client_updated"));
    await drain([setup.integration.id]);
    const event = await lastEvent(setup.integration.id);
    expect(event.status).toBe("done");
    expect(JSON.parse(event.outcome).contactUpdate).toEqual({
      entity: "none",
      id: null,
      changed: [],
      skipped: "visitor_not_written",
    });
    expect(event.calls).toHaveLength(0);
    expect(await sandboxRecords(setup.tenantId, "Contacts")).toEqual(before);
  });

  it("updates the lead of a lead integration, and finds a visitor of older chats by e-mail", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    const leadsAfterChat = await sandboxRecords(setup.tenantId, "Leads");
    const lead = leadsAfterChat.find((l) => l.Email === "mariana.conceicao@acme.com.br")!;
    // As for chats processed before links were kept: only the stored event tells who the visitor is.
    await systemDb.visitorLink.deleteMany({ where: { integrationId: setup.integration.id } });

    await deliver(
      setup.webhookUrl,
      clientUpdated({ name: "  ", email: "mariana.conceicao@acme.com.br", phone: "11 3456-7890" }, "99999"),
    );
    await drain([setup.integration.id]);
    const event = await lastEvent(setup.integration.id);
    expect(JSON.parse(event.outcome).contactUpdate).toEqual({ entity: "lead", id: lead.Id, changed: ["Phones"] });
    const leads = await sandboxRecords(setup.tenantId, "Leads");
    expect(leads.length).toBe(leadsAfterChat.length);
    const updated = leads.find((l) => l.Id === lead.Id)!;
    expect(updated.PersonName).toBe(lead.PersonName);
    expect((updated.Phones as { PhoneNumber: string }[]).map((p) => p.PhoneNumber)).toEqual([
      "(11) 98765-4321",
      "(11) 3456-7890",
    ]);
  });
});
