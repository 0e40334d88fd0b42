import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearAgentLookupCache } from "@/lib/agent-lookup/answer-agent";
import { systemDb } from "@/lib/db/client";
import { SANDBOX_SEED } from "@/lib/ploomes-sandbox/sandbox-seed";
import { setSandboxFaults } from "@/lib/ploomes-sandbox/set-sandbox-faults";
import { startTestServer, type TestServer } from "../../helpers/test-server";
import { deliver, fixture, sandboxRecords, setupSandboxIntegration } from "../../helpers/sandbox-integration";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => clearAgentLookupCache());

function acceptedFrom(email: string | null, phone: string | null, chatId = 9100) {
  const payload = JSON.parse(fixture("chat_accepted"));
  return JSON.stringify({ ...payload, chat_id: chatId, visitor: { ...payload.visitor, name: null, email, phone } });
}

describe("chat_accepted: the agent sees who the visitor is", () => {
  it("answers with the Ploomes client, their open deal and a link", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const { status, body } = await deliver(setup.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null));
    expect(status).toBe(200);
    expect(body.result).toBe("ok");
    const rows = body.custom_data as { title: string; content: string }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        { title: "Cliente no Ploomes", content: expect.stringContaining(SANDBOX_SEED.existingPerson.Name) },
        { title: "Negócio aberto", content: expect.stringContaining(SANDBOX_SEED.existingPerson.openDealTitle) },
      ]),
    );
    expect(rows.find((row) => row.title === "Negócio aberto")!.content).toContain("Funil de Vendas › Qualificação");
    expect(body.crm_link).toMatch(/\/sandbox\?record=\d+#sandbox-deals-\d+$/);
    // The visitor typed no name nor phone: Ploomes knows them (the phone only comes with $expand=Phones).
    expect(body.contact_info).toMatchObject({ name: SANDBOX_SEED.existingPerson.Name, phone: SANDBOX_SEED.existingPerson.Phone });
    // The event is stored too, and nothing was created in Ploomes.
    expect(await systemDb.webhookEvent.count({ where: { integrationId: setup.integration.id, eventName: "chat_accepted" } })).toBe(1);
  });

  it("finds the visitor by phone in another format", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const { body } = await deliver(setup.webhookUrl, acceptedFrom(null, "+55 11 91234-5678"));
    expect(JSON.stringify(body.custom_data)).toContain(SANDBOX_SEED.existingPerson.Name);
  });

  it("a plain ok for an unknown visitor, or when the feature is off", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    expect((await deliver(setup.webhookUrl, acceptedFrom("ninguem@exemplo.com", null))).body).toEqual({ result: "ok" });
    const off = await setupSandboxIntegration(server.url, { behaviour: "lead", agentLookup: false });
    expect((await deliver(off.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9101))).body).toEqual({ result: "ok" });
  });

  it("a slow Ploomes (5 s) gets a plain ok in under 2.5 s; the event is still stored", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await setSandboxFaults(setup.tenantId, { latencyMs: 5_000 });
    const contactsBefore = (await sandboxRecords(setup.tenantId, "Contacts")).length;
    const started = Date.now();
    const { status, body } = await deliver(setup.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9102));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(status).toBe(200);
    expect(body).toEqual({ result: "ok" });
    expect(await systemDb.webhookEvent.count({ where: { integrationId: setup.integration.id } })).toBe(1);
    await setSandboxFaults(setup.tenantId, { latencyMs: 0 });
    expect((await sandboxRecords(setup.tenantId, "Contacts")).length).toBe(contactsBefore);
  });
});
