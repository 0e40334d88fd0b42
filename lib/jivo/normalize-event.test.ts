import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupeKey, isKnownJivoEventKind, jivoEventSchema, parseJivoEvent, type JivoEvent } from "./normalize-event";

const FIXTURES = path.resolve(process.cwd(), "test/fixtures/jivo");
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as Record<string, unknown>;

function parseOk(body: unknown): JivoEvent {
  const result = parseJivoEvent(body, { receivedAt: new Date("2025-11-26T00:00:00Z") });
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.event;
}

describe("parseJivoEvent on every fixture", () => {
  const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""));

  it("finds the fixtures", () => expect(names.length).toBeGreaterThanOrEqual(6));

  it.each(names)("%s parses, normalises and round-trips through JSON", (name) => {
    const body = fixture(name);
    const event = parseOk(body);
    expect(event.eventName).toBe(body.event_name);
    expect(isKnownJivoEventKind(event.eventName)).toBe(true);
    expect(jivoEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(dedupeKey(event)).toMatch(/^[^:]+:[^:]+:[a-z_]+(:\d+)?$/);
  });
});

describe("chat_finished_br", () => {
  const event = parseOk(fixture("chat_finished_br"));

  it("normalises ids, visitor and organisation", () => {
    expect(event).toMatchObject({
      eventName: "chat_finished",
      widgetId: "aB3kZ9xQ1m",
      chatId: "918273645",
      offlineMessageId: null,
      clientId: null,
      userToken: "crm-7d1f0c2a",
      organizationName: "Acme Indústria Ltda",
      visitor: {
        name: "Mariana Conceição",
        email: "mariana.conceicao@acme.com.br",
        phone: "(11) 98765-4321",
        description: "Gerente de compras na Acme Indústria",
        number: "40512",
      },
    });
  });

  it("takes the agent from agents[] and keeps the others", () => {
    expect(event.agent).toEqual({ id: "12", name: "João Vendedor", email: "joao@vendas.example" });
    expect(event.agents).toHaveLength(1);
    expect(event.assignedAgent).toEqual({ id: "12", name: "João Vendedor", email: "joao@vendas.example" });
  });

  it("normalises chat context", () => {
    expect(event.department).toEqual({ id: "281", name: "Vendas" });
    expect(event.topic).toBeNull();
    expect(event.status).toEqual({ id: "4", title: "contact_later" });
    expect(event.tags).toEqual(["orçamento", "site"]);
    expect(event.page).toEqual({ url: "https://acme.example/precos?plano=pro", title: "Preços — Plano Pro" });
    expect(event.geo).toEqual({ city: "Campinas", region: "São Paulo", country: "Brasil", countryCode: "BR" });
    expect(event.utm).toEqual({
      source: "facebook",
      medium: "social",
      campaign: "black_friday",
      content: null,
      term: null,
    });
    expect(event.ipAddr).toBe("200.147.35.149");
    expect(event.userAgent).toContain("Android 14");
    expect(event.rate).toBe("positive");
    expect(event.invitation).toBe("Posso ajudar com os planos?");
    expect(event.offlineMessage).toBeNull();
    expect(event.call).toBeNull();
  });

  it("normalises the three messages with resolved agent names", () => {
    expect(event.messages).toEqual([
      {
        type: "visitor",
        text: "Olá! Quero um orçamento para 40 licenças.",
        at: new Date(1764000000_000),
        agentId: null,
        agentName: null,
      },
      {
        type: "agent",
        text: "Claro, Mariana. Para qual empresa?",
        at: new Date(1764000012_000),
        agentId: "12",
        agentName: "João Vendedor",
      },
      {
        type: "visitor",
        text: "Acme Indústria. Meu WhatsApp é (11) 98765-4321 <b>urgente</b>",
        at: new Date(1764000030_000),
        agentId: null,
        agentName: null,
      },
    ]);
  });

  it("has the documented dedupe key", () => {
    expect(dedupeKey(event)).toBe("aB3kZ9xQ1m:918273645:chat_finished");
  });
});

describe("other fixtures", () => {
  it("chat_accepted uses `agent` and reads topic, utm and tags", () => {
    const event = parseOk(fixture("chat_accepted"));
    expect(event.chatId).toBe("7636");
    expect(event.agent).toEqual({ id: "2016", name: "Thomas Anderson", email: "agent@jivosite.com" });
    expect(event.assignedAgent).toEqual({ id: "1", name: "Agent", email: "agent1@gmail.com" });
    expect(event.topic).toEqual({ id: "3", title: "Topic_1", parentId: "1" });
    expect(event.utm).toEqual({
      source: "google",
      medium: "cpc",
      campaign: "campaign_name",
      content: "banner",
      term: "term",
    });
    expect(event.tags).toEqual(["Tag example"]);
    expect(event.messages).toEqual([]);
    expect(event.userToken).toBeNull();
  });

  it("chat_finished resolves agent_id against agents[]", () => {
    const event = parseOk(fixture("chat_finished"));
    expect(event.agent?.name).toBe("Thomas Anderson");
    expect(event.organizationName).toBeNull();
    expect(event.rate).toBeNull();
    expect(event.messages.map((message) => [message.type, message.agentId, message.agentName])).toEqual([
      ["visitor", null, null],
      ["agent", "1", "Thomas Anderson"],
    ]);
  });

  it("offline_message carries the message and its id", () => {
    const event = parseOk(fixture("offline_message"));
    expect(event.offlineMessageId).toBe("1665399500726");
    expect(event.offlineMessage).toBe("Boa noite, gostaria de falar com um consultor amanhã cedo.");
    expect(event.agent).toBeNull();
    expect(event.visitor.description).toBeNull();
    expect(event.utm).toEqual({ source: null, medium: null, campaign: null, content: null, term: null });
    expect(dedupeKey(event)).toBe("3948:7701:offline_message:1665399500726");
  });

  it("client_updated has no chat: client_id keys it and the owner is the agent", () => {
    const event = parseOk(fixture("client_updated"));
    expect(event.chatId).toBeNull();
    expect(event.clientId).toBe("1217");
    expect(event.visitor.number).toBe("1217");
    expect(event.agent).toEqual({ id: "3", name: "Agent3", email: "agent3@gmail.com" });
    expect(dedupeKey(event)).toBe("12345678:client-1217:client_updated");
  });

  it("call_event exposes the call and tolerates null objects", () => {
    const event = parseOk(fixture("call_event"));
    expect(event.call).toEqual({
      type: "incoming",
      phone: "+5511912345678",
      status: "end",
      reason: null,
      recordUrl: "https://example.com/record.mp3",
    });
    expect(event.visitor).toEqual({
      name: null,
      email: null,
      phone: "+5511912345678",
      description: null,
      number: "6001",
    });
    expect(event.agent?.id).toBe("2016");
    expect(event.geo).toEqual({ city: null, region: null, country: null, countryCode: null });
    expect(event.department).toBeNull();
  });
});

describe("lenient input", () => {
  it("gives the same event whether ids are strings or numbers", () => {
    const body = fixture("chat_finished_br");
    const flipped = {
      ...body,
      chat_id: "918273645",
      visitor: { ...(body.visitor as object), number: "40512" },
      agents: [{ id: 12, name: "João Vendedor", email: "joao@vendas.example" }],
      assigned_agent: { id: "12", email: "joao@vendas.example", name: "João Vendedor" },
      chat: {
        ...(body.chat as object),
        messages: [{ message: "Oi", timestamp: "1764000012", type: "agent", agent_id: "12" }],
      },
    };
    const event = parseOk(flipped);
    expect(event.chatId).toBe("918273645");
    expect(event.visitor.number).toBe("40512");
    expect(event.agent?.id).toBe("12");
    expect(event.messages[0]).toMatchObject({
      agentId: "12",
      agentName: "João Vendedor",
      at: new Date(1764000012_000),
    });
  });

  it("accepts null or missing objects and arrays", () => {
    const event = parseOk({
      event_name: "chat_finished",
      visitor: null,
      session: null,
      chat: null,
      page: null,
      agents: null,
      tags: null,
    });
    expect(event.visitor).toEqual({ name: null, email: null, phone: null, description: null, number: null });
    expect(event.agent).toBeNull();
    expect(event.agents).toEqual([]);
    expect(event.tags).toEqual([]);
    expect(event.messages).toEqual([]);
    expect(event.page).toEqual({ url: null, title: null });
    expect(dedupeKey(event)).toBe("-:-:chat_finished");
  });

  it("accepts unknown events and unknown fields", () => {
    const event = parseOk({ event_name: "chat_transferred", widget_id: 1, chat_id: 2, whatever: { deep: [1] } });
    expect(isKnownJivoEventKind(event.eventName)).toBe(false);
    expect(dedupeKey(event)).toBe("1:2:chat_transferred");
  });

  it("coerces or drops wrong types in optional parts", () => {
    const event = parseOk({
      event_name: "chat_finished",
      tags: "x",
      visitor: { name: 123, email: "  ANA@Example.COM ", phone: " +55 11 98765-4321 ", description: "   " },
      chat: { rate: "POSITIVE", messages: [null, { message: "hi", timestamp: 1764000000, type: "bot" }] },
    });
    expect(event.tags).toEqual([]);
    expect(event.visitor).toMatchObject({
      name: "123",
      email: "ana@example.com",
      phone: "+55 11 98765-4321",
      description: null,
    });
    expect(event.rate).toBe("positive");
    expect(event.messages).toMatchObject([{ type: "system", text: "hi" }]);
  });

  it("falls back to the utm string when utm_json is missing", () => {
    const event = parseOk({
      event_name: "chat_accepted",
      session: { utm: "utm_source=google|medium=cpc|campaign=black%20friday|broken|=x", utm_json: { medium: "email" } },
    });
    expect(event.utm).toEqual({
      source: "google",
      medium: "email",
      campaign: "black friday",
      content: null,
      term: null,
    });
  });

  it("fills missing timestamps from neighbours and accepts milliseconds", () => {
    const event = parseOk({
      event_name: "chat_finished",
      chat: {
        messages: [
          { message: "a", type: "visitor" },
          { message: "b", timestamp: 1764000000, type: "visitor" },
          { message: "c", type: "agent" },
          { message: "d", timestamp: 1764000060_000, type: "visitor" },
        ],
      },
    });
    expect(event.messages.map((message) => message.at.getTime() / 1000)).toEqual([
      1764000000, 1764000000, 1764000000, 1764000060,
    ]);
  });

  it("names the only agent when a message lacks agent_id", () => {
    const event = parseOk({
      event_name: "chat_finished",
      agents: [{ id: 9, name: "Bia" }],
      chat: { messages: [{ message: "x", type: "agent" }] },
    });
    expect(event.messages[0]?.agentName).toBe("Bia");
  });

  it("keys chat-less events by visitor number when there is no client_id", () => {
    const event = parseOk({ event_name: "call_event", widget_id: "w", visitor: { number: 6001 } });
    expect(dedupeKey(event)).toBe("w:visitor-6001:call_event");
  });
});

describe("rejections", () => {
  it.each([
    [null, "body is not a JSON object"],
    ['{"event_name":"chat_finished"}', "body is not a JSON object"],
    [42, "body is not a JSON object"],
    [[{ event_name: "chat_finished" }], "body is not a JSON object"],
    [{}, "event_name is missing"],
    [{ event_name: null }, "event_name is missing"],
    [{ event_name: 5 }, "event_name is not a string"],
    [{ event_name: " " }, "event_name is empty"],
  ])("%j → %s", (body, error) => {
    expect(parseJivoEvent(body)).toEqual({ ok: false, error });
  });
});

describe("robustness", () => {
  const base = fixture("chat_finished_br");
  const keys = [...Object.keys(base), "client_id", "offline_message_id", "call", "message", "event_timestamp"];

  it("never throws when any top-level field is replaced by arbitrary JSON", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys.filter((key) => key !== "event_name")), fc.jsonValue()),
        (patch) => {
          const result = parseJivoEvent({ ...base, ...patch });
          expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws when nested objects get arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (visitor, messages, session) => {
        const result = parseJivoEvent({
          event_name: "chat_finished",
          visitor,
          session,
          chat: { messages: [messages, { message: messages }] },
        });
        expect(result.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
