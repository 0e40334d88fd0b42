import { describe, expect, it } from "vitest";
import { scopedDb } from "@/lib/db/scoped-db";
import { reprocessEvent } from "@/lib/events/reprocess";
import { runDryRun } from "@/lib/sync/dry-run/run-dry-run";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupSandboxIntegration,
  setupFunnelIntegration,
} from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";

const server = serveTestServer();

/** An integration with the seed's "Funil de Vendas › Prospecção" and these settings. */
const integrationWith = (settings: IntegrationSettingsInput) => setupFunnelIntegration(server.url, settings);

const T0 = 1_796_000_000;

/** One call_event of call `chatId` as JivoChat sends it for each status change (the fixture's shape). */
function callEvent(
  chatId: number,
  status: string,
  at: number,
  call: Record<string, unknown> = {},
  visitor: Record<string, unknown> = {},
) {
  const base = JSON.parse(fixture("call_event"));
  return JSON.stringify({
    ...base,
    chat_id: chatId,
    event_timestamp: at,
    visitor: { ...base.visitor, ...visitor },
    call: { ...base.call, status, ...(status === "end" ? {} : { record_url: undefined }), ...call },
  });
}

describe("call_event", () => {
  it("a finished call of a known client becomes an interaction on them and their open deal, with direction, duration, agent and recording", async () => {
    const setup = await integrationWith({ behaviour: "person_deal" });
    await deliver(setup.webhookUrl, fixture("chat_finished_br"));
    await drain([setup.integration.id]);
    const person = (await sandboxRecords(setup.tenantId, "Contacts")).find(
      (c) => c.Email === "mariana.conceicao@acme.com.br",
    )!;
    const deal = (await sandboxRecords(setup.tenantId, "Deals")).find((d) => d.PersonId === person.Id)!;
    const before = {
      contacts: (await sandboxRecords(setup.tenantId, "Contacts")).length,
      deals: (await sandboxRecords(setup.tenantId, "Deals")).length,
    };

    // Ringing, picked up, over 3 min 12 s later; the caller's number as JivoChat formats it.
    const visitor = { phone: "+5511987654321" };
    for (const [status, at] of [
      ["start", T0],
      ["agent_connected", T0 + 8],
      ["end", T0 + 200],
    ] as const) {
      expect(
        (await deliver(setup.webhookUrl, callEvent(88001, status, at, { phone: "+5511987654321" }, visitor))).status,
      ).toBe(200);
    }
    await drain([setup.integration.id]);
    const calls = (await eventsOf(setup.integration.id)).filter((e) => e.eventName === "call_event");
    expect(calls.map((e) => [e.status, e.statusReason])).toEqual([
      ["ignored", "call_not_finished"],
      ["ignored", "call_not_finished"],
      ["done", null],
    ]);
    const records = (await sandboxRecords(setup.tenantId, "InteractionRecords")).filter((r) =>
      String(r.Content).includes("[JivoChat ligação"),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ContactId: person.Id, DealId: deal.Id });
    const content = String(records[0]!.Content);
    expect(content).toContain("Ligação recebida pelo JivoChat — atendida");
    expect(content).toContain("Direção: recebida");
    expect(content).toContain("Telefone: +5511987654321");
    expect(content).toContain("Atendente: Thomas Anderson <agent@jivosite.com>");
    expect(content).toContain("Duração: 3 min 12 s");
    expect(content).toContain("Gravação: https://example.com/record.mp3");
    // Found by the chat's rules (the phone), nothing new created.
    expect((await sandboxRecords(setup.tenantId, "Contacts")).length).toBe(before.contacts);
    expect((await sandboxRecords(setup.tenantId, "Deals")).length).toBe(before.deals);

    // Reprocessed: the interaction is already recorded, none is added.
    await reprocessEvent(scopedDb(setup.account.id), calls[2]!.id);
    await drain([setup.integration.id]);
    expect(
      (await sandboxRecords(setup.tenantId, "InteractionRecords")).filter((r) =>
        String(r.Content).includes("[JivoChat ligação"),
      ),
    ).toHaveLength(1);
  });

  it("a missed call from an unknown number creates the person by the chat rules, records the call as missed, and opens no deal", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal" });
    const deals = (await sandboxRecords(setup.tenantId, "Deals")).length;
    await deliver(setup.webhookUrl, callEvent(88002, "start", T0, { phone: "+5521955554444" }, { phone: null }));
    await deliver(
      setup.webhookUrl,
      callEvent(88002, "error", T0 + 30, { phone: "+5521955554444", reason: "no_answer" }, { phone: null }),
    );
    await drain([setup.integration.id]);
    const person = (await sandboxRecords(setup.tenantId, "Contacts")).find((c) =>
      (c.Phones as { PhoneNumber: string }[] | undefined)?.some((p) => p.PhoneNumber === "(21) 95555-4444"),
    )!;
    expect(person).toMatchObject({ TypeId: 2 });
    const record = (await sandboxRecords(setup.tenantId, "InteractionRecords")).find((r) => r.ContactId === person.Id)!;
    expect(String(record.Content)).toContain("Ligação recebida pelo JivoChat — não atendida");
    expect(String(record.Content)).toContain("Motivo: no_answer");
    expect(String(record.Content)).not.toContain("Duração");
    expect(record.DealId ?? null).toBeNull();
    expect((await sandboxRecords(setup.tenantId, "Deals")).length).toBe(deals);
  });

  it("is off when the behaviour step says so, and never for a lead integration", async () => {
    const off = await integrationWith({ behaviour: "person_deal", recordCalls: false });
    const lead = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await deliver(off.webhookUrl, fixture("call_event"));
    await deliver(lead.webhookUrl, fixture("call_event"));
    expect((await eventsOf(off.integration.id)).map((e) => [e.status, e.statusReason])).toEqual([
      ["ignored", "calls_disabled"],
    ]);
    expect((await eventsOf(lead.integration.id)).map((e) => [e.status, e.statusReason])).toEqual([
      ["ignored", "calls_need_client"],
    ]);
  });

  it("has a sample in the dry run: the interaction it would write, nothing written", async () => {
    const setup = await integrationWith({ behaviour: "person_deal" });
    const before = (await sandboxRecords(setup.tenantId, "InteractionRecords")).length;
    const view = await runDryRun(scopedDb(setup.account.id), setup.integration.id, {
      kind: "sample",
      name: "call_event",
    });
    const interaction = view.items.find((item) => item.kind === "interaction");
    expect(interaction).toBeDefined();
    expect(interaction && "transcript" in interaction ? interaction.transcript : "").toContain(
      "Gravação: https://acme.example/gravacoes/7702.mp3",
    );
    // The sample's caller is the seed's client (by phone, as for chats): the call goes on them, no deal is opened.
    expect(view.items.find((item) => item.kind === "found")).toMatchObject({ entity: "person", how: "phone" });
    expect(view.items.filter((item) => item.kind === "create")).toEqual([]);
    expect((await sandboxRecords(setup.tenantId, "InteractionRecords")).length).toBe(before);
  });
});
