import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { handleJivoWebhook } from "@/lib/webhooks/handle-jivo-webhook";
import { seedAccount, seedIntegration } from "../../helpers/seed";

const fixture = (name: string) => fs.readFileSync(`test/fixtures/jivo/${name}.json`, "utf8");

function post(token: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://test/api/webhooks/jivo/${token}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
  return handleJivoWebhook(request, token);
}

describe("JivoChat webhook receiver", () => {
  it("stores the event and its job, then answers ok as JSON", async () => {
    const account = await seedAccount();
    const { integration, token } = await seedIntegration({ accountId: account.id });
    const response = await post(token, fixture("chat_finished_br"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({ result: "ok" });

    const event = await systemDb.webhookEvent.findFirstOrThrow({
      where: { integrationId: integration.id },
      include: { job: true },
    });
    expect(event).toMatchObject({
      eventName: "chat_finished",
      widgetId: "aB3kZ9xQ1m",
      chatId: "918273645",
      visitorName: "Mariana Conceição",
      visitorEmail: "mariana.conceicao@acme.com.br",
      visitorPhone: "(11) 98765-4321",
      status: "received",
      deliveries: 1,
    });
    expect(event.rawPayload).toBe(fixture("chat_finished_br"));
    expect(event.job?.status).toBe("queued");
  });

  it("counts repeated and concurrent deliveries on the original, creating nothing new", async () => {
    const account = await seedAccount();
    const { integration, token } = await seedIntegration({ accountId: account.id });
    const body = fixture("chat_finished");
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(token, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const events = await systemDb.webhookEvent.findMany({
      where: { integrationId: integration.id },
      include: { job: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.deliveries).toBe(8);
    expect(await systemDb.job.count({ where: { eventId: events[0]!.id } })).toBe(1);
  });

  it("accepts ids as strings or numbers: the same chat dedupes either way", async () => {
    const account = await seedAccount();
    const { integration, token } = await seedIntegration({ accountId: account.id });
    const payload = JSON.parse(fixture("chat_finished"));
    await post(token, JSON.stringify(payload));
    await post(
      token,
      JSON.stringify({ ...payload, chat_id: String(payload.chat_id), widget_id: Number(payload.widget_id) }),
    );
    expect(await systemDb.webhookEvent.count({ where: { integrationId: integration.id } })).toBe(1);
  });

  // The rule in lib/webhooks/receive-jivo-event.ts: an update of a repeatable kind is news each time it differs,
  // so its key carries the body's hash; every other kind is one event per subject, whatever the body says.
  it.each(["chat_updated", "client_updated", "client_attribute_updated", "call_event", "chat_assigned"])(
    "keeps each different %s of one chat apart, and collapses only its byte-identical re-delivery",
    async (kind) => {
      const account = await seedAccount();
      const { integration, token } = await seedIntegration({ accountId: account.id });
      const update = (name: string) =>
        JSON.stringify({
          event_name: kind,
          widget_id: "12345678",
          chat_id: 4242,
          client_id: "1217",
          visitor: { name },
        });
      for (const body of [update("Ana"), update("Ana"), update("Ana Souza")])
        expect((await post(token, body)).status).toBe(200);
      const events = await systemDb.webhookEvent.findMany({
        where: { integrationId: integration.id },
        orderBy: { receivedAt: "asc" },
      });
      expect(events.map((e) => [e.eventName, e.visitorName, e.deliveries])).toEqual([
        [kind, "Ana", 2],
        [kind, "Ana Souza", 1],
      ]);
      expect(events[0]!.dedupeKey).not.toBe(events[1]!.dedupeKey);
      expect(events[0]!.dedupeKey.startsWith(`12345678:4242:${kind}:`)).toBe(true);
    },
  );

  it.each(["chat_finished", "chat_accepted", "offline_message"])(
    "keeps one %s per chat, even when a re-delivery's body differs",
    async (kind) => {
      const account = await seedAccount();
      const { integration, token } = await seedIntegration({ accountId: account.id });
      const once = (name: string) =>
        JSON.stringify({ event_name: kind, widget_id: "12345678", chat_id: 4343, visitor: { name } });
      for (const body of [once("Ana"), once("Ana Souza")]) expect((await post(token, body)).status).toBe(200);
      const events = await systemDb.webhookEvent.findMany({ where: { integrationId: integration.id } });
      expect(events.map((e) => [e.eventName, e.visitorName, e.deliveries, e.dedupeKey])).toEqual([
        [kind, "Ana", 2, `12345678:4343:${kind}`],
      ]);
    },
  );

  it("stores events it does not act on as ignored, unknown ones included", async () => {
    const account = await seedAccount();
    const { integration, token } = await seedIntegration({ accountId: account.id });
    const attributes = JSON.stringify({
      event_name: "client_attribute_updated",
      widget_id: "12345678",
      client_id: 1217,
      attributes: { plano: "ouro" },
    });
    for (const body of [fixture("call_event"), attributes, '{"event_name":"something_new","x":{"y":null}}']) {
      expect((await post(token, body)).status).toBe(200);
    }
    const events = await systemDb.webhookEvent.findMany({
      where: { integrationId: integration.id },
      include: { job: true },
    });
    expect(events.map((e) => [e.eventName, e.status, e.job])).toEqual(
      expect.arrayContaining([
        ["call_event", "ignored", null],
        ["client_attribute_updated", "ignored", null],
        ["something_new", "ignored", null],
      ]),
    );
  });

  it("keeps events of a paused integration as paused, and ignores channels not selected", async () => {
    const account = await seedAccount();
    const paused = await seedIntegration({ accountId: account.id, status: "paused" });
    await post(paused.token, fixture("chat_finished"));
    expect(await systemDb.webhookEvent.findFirst({ where: { integrationId: paused.integration.id } })).toMatchObject({
      status: "paused",
    });

    const scoped = await seedIntegration({
      accountId: account.id,
      settings: { behaviour: "lead", widgetIds: ["other"] },
    });
    await post(scoped.token, fixture("chat_finished"));
    expect(await systemDb.webhookEvent.findFirst({ where: { integrationId: scoped.integration.id } })).toMatchObject({
      status: "ignored",
      statusReason: "channel_not_selected",
    });
  });

  it("refuses bad input with a JSON error and stores nothing", async () => {
    const account = await seedAccount();
    const { integration, token } = await seedIntegration({ accountId: account.id });
    const cases: [string, number][] = [
      ["not json", 400],
      ["[1,2]", 400],
      ['"text"', 400],
      ['{"chat_id": 1}', 400],
      ['{"event_name": 42}', 400],
    ];
    for (const [body, status] of cases) {
      const response = await post(token, body);
      expect(response.status, body).toBe(status);
      expect((await response.json()).result).toBe("error");
    }
    const huge = JSON.stringify({ event_name: "chat_finished", blob: "x".repeat(1024 * 1024) });
    expect((await post(token, huge)).status).toBe(413);
    expect(await systemDb.webhookEvent.count({ where: { integrationId: integration.id } })).toBe(0);
  });

  it("answers 404, without hints, for unknown, malformed, deactivated and draft tokens", async () => {
    const account = await seedAccount();
    const inactive = await seedIntegration({ accountId: account.id, status: "inactive" });
    const draft = await seedIntegration({ accountId: account.id, status: "draft" });
    for (const token of ["x", "A".repeat(32), inactive.token, draft.token, "../../etc"]) {
      const response = await post(token, fixture("chat_finished"));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ result: "error", error: "Not found." });
    }
  });
});
