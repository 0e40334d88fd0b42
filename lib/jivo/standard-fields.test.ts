import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJivoEvent, type JivoEvent } from "./normalize-event";
import {
  STANDARD_FIELDS,
  STANDARD_FIELD_KEYS,
  getStandardField,
  readStandardField,
  standardFieldKeySchema,
  type StandardFieldKey,
} from "./standard-fields";

const FIXTURES = path.resolve(process.cwd(), "test/fixtures/jivo");
function eventFrom(name: string): JivoEvent {
  const result = parseJivoEvent(JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")));
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

describe("standard field catalogue", () => {
  it("has unique keys, one definition per key, in key order", () => {
    expect(new Set(STANDARD_FIELD_KEYS).size).toBe(STANDARD_FIELD_KEYS.length);
    expect(STANDARD_FIELDS.map((field) => field.key)).toEqual([...STANDARD_FIELD_KEYS]);
  });

  it("is usable in z.enum for stored settings", () => {
    const mapping = z.object({ source: z.enum(STANDARD_FIELD_KEYS) });
    expect(mapping.safeParse({ source: "visitor.email" }).success).toBe(true);
    expect(standardFieldKeySchema.safeParse("visitor.age").success).toBe(false);
  });

  it("covers every field the reference lists", () => {
    const documented: StandardFieldKey[] = [
      "visitor.name",
      "visitor.email",
      "visitor.phone",
      "visitor.description",
      "visitor.number",
      "organization.name",
      "chat_id",
      "widget_id",
      "page.url",
      "page.title",
      "session.geoip.city",
      "session.geoip.region",
      "session.geoip.country",
      "session.utm.source",
      "session.utm.medium",
      "session.utm.campaign",
      "session.utm.content",
      "session.utm.term",
      "session.ip_addr",
      "agent.name",
      "agent.email",
      "department.name",
      "topic.title",
      "tags",
      "chat.rate",
      "offline.message",
      "transcript",
    ];
    expect(STANDARD_FIELD_KEYS).toEqual(expect.arrayContaining(documented));
  });

  it("derives stable label keys", () => {
    expect(getStandardField("visitor.name").labelKey).toBe("jivoFields.visitorName");
    expect(getStandardField("session.geoip.city").labelKey).toBe("jivoFields.sessionGeoipCity");
    expect(getStandardField("chat_id").labelKey).toBe("jivoFields.chatId");
    expect(new Set(STANDARD_FIELDS.map((field) => field.labelKey)).size).toBe(STANDARD_FIELDS.length);
    for (const field of STANDARD_FIELDS) expect(field.labelKey).toMatch(/^jivoFields\.[a-z][A-Za-z]*$/);
  });
});

describe("reading fields", () => {
  const br = eventFrom("chat_finished_br");

  it.each<[StandardFieldKey, string | number | null]>([
    ["visitor.name", "Mariana Conceição"],
    ["visitor.email", "mariana.conceicao@acme.com.br"],
    ["visitor.phone", "(11) 98765-4321"],
    ["visitor.number", "40512"],
    ["organization.name", "Acme Indústria Ltda"],
    ["chat_id", "918273645"],
    ["widget_id", "aB3kZ9xQ1m"],
    ["chat.rate", "positive"],
    ["chat.started_at", "2025-11-24T16:00:00.000Z"],
    ["tags", "orçamento, site"],
    ["department.name", "Vendas"],
    ["topic.title", null],
    ["agent.name", "João Vendedor"],
    ["agent.email", "joao@vendas.example"],
    ["page.url", "https://acme.example/precos?plano=pro"],
    ["session.geoip.city", "Campinas"],
    ["session.geoip.country", "Brasil"],
    ["session.utm.source", "facebook"],
    ["session.utm.campaign", "black_friday"],
    ["session.utm.term", null],
    ["session.ip_addr", "200.147.35.149"],
    ["offline.message", null],
    ["call.phone", null],
  ])("chat_finished_br %s → %j", (key, expected) => {
    expect(readStandardField(key, br)).toBe(expected);
  });

  it("reads the transcript and the offline message", () => {
    expect(readStandardField("transcript", br)).toMatch(/^Conversa no JivoChat — 24\/11\/2025/);
    const offline = eventFrom("offline_message");
    expect(readStandardField("offline.message", offline)).toBe(
      "Boa noite, gostaria de falar com um consultor amanhã cedo.",
    );
    expect(readStandardField("transcript", offline)).toContain("Mensagem offline: Boa noite");
    expect(readStandardField("transcript", eventFrom("client_updated"))).toBeNull();
    expect(readStandardField("tags", eventFrom("chat_finished"))).toBeNull();
  });

  it("returns string, number or null for every field of every fixture", () => {
    const names = readdirSync(FIXTURES)
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.replace(/\.json$/, ""));
    for (const name of names) {
      const event = eventFrom(name);
      for (const field of STANDARD_FIELDS) {
        const value = field.read(event);
        expect(value === null || typeof value === "string" || typeof value === "number", `${name} ${field.key}`).toBe(
          true,
        );
      }
    }
  });
});
