import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTranscript, htmlToText } from "./build-transcript";
import { parseJivoEvent, type JivoEvent } from "./normalize-event";

const FIXTURES = path.resolve(process.cwd(), "test/fixtures/jivo");
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as Record<string, unknown>;

function eventFrom(body: unknown): JivoEvent {
  const result = parseJivoEvent(body, { receivedAt: new Date("2025-11-26T00:00:00Z") });
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

describe("buildTranscript", () => {
  const br = eventFrom(fixture("chat_finished_br"));

  it("renders chat_finished_br in pt-BR, America/Sao_Paulo", () => {
    expect(buildTranscript(br)).toBe(
      [
        "Conversa no JivoChat — 24/11/2025 · Página: Preços — Plano Pro (https://acme.example/precos?plano=pro)",
        "Convite: Posso ajudar com os planos?",
        "[13:00] Mariana Conceição: Olá! Quero um orçamento para 40 licenças.",
        "[13:00] João Vendedor: Claro, Mariana. Para qual empresa?",
        "[13:00] Mariana Conceição: Acme Indústria. Meu WhatsApp é (11) 98765-4321 urgente",
        "Avaliação: positiva",
      ].join("\n"),
    );
  });

  it("renders English words, the channel and another time zone", () => {
    const text = buildTranscript(br, { locale: "en", timeZone: "UTC", channelName: "Site Acme" });
    expect(text.split("\n")).toEqual([
      "JivoChat conversation — 11/24/2025 · Channel: Site Acme · Page: Preços — Plano Pro (https://acme.example/precos?plano=pro)",
      "Invitation: Posso ajudar com os planos?",
      "[16:00] Mariana Conceição: Olá! Quero um orçamento para 40 licenças.",
      "[16:00] João Vendedor: Claro, Mariana. Para qual empresa?",
      "[16:00] Mariana Conceição: Acme Indústria. Meu WhatsApp é (11) 98765-4321 urgente",
      "Rating: positive",
    ]);
  });

  it("falls back to generic names and skips empty messages", () => {
    const event = eventFrom({
      event_name: "chat_finished",
      chat: {
        rate: "negative",
        messages: [
          { message: "Oi", timestamp: 1764000000, type: "visitor" },
          { message: "<p> </p>", timestamp: 1764000001, type: "visitor" },
          { message: "Olá", timestamp: 1764000002, type: "agent", agent_id: 99 },
          { message: "Chat transferido", timestamp: 1764000003, type: "system" },
        ],
      },
    });
    expect(buildTranscript(event).split("\n")).toEqual([
      "Conversa no JivoChat — 24/11/2025",
      "[13:00] Visitante: Oi",
      "[13:00] Atendente: Olá",
      "[13:00] Sistema: Chat transferido",
      "Avaliação: negativa",
    ]);
  });

  it("shows the date on messages after midnight", () => {
    const event = eventFrom({
      event_name: "chat_finished",
      chat: {
        messages: [
          { message: "Boa noite", timestamp: 1764039540, type: "visitor" }, // 23:59 in São Paulo
          { message: "Olá!", timestamp: 1764039660, type: "agent" },
        ],
      },
    });
    expect(buildTranscript(event).split("\n").slice(1)).toEqual([
      "[23:59] Visitante: Boa noite",
      "[25/11/2025 00:01] Atendente: Olá!",
    ]);
  });

  it("renders offline messages", () => {
    const event = eventFrom(fixture("offline_message"));
    expect(buildTranscript(event, { timeZone: "America/Sao_Paulo" })).toBe(
      "Mensagem offline no JivoChat · Página: Contato (https://acme.example/contato)\n" +
        "Mensagem offline: Boa noite, gostaria de falar com um consultor amanhã cedo.",
    );
  });

  it("keeps multi-line messages readable", () => {
    const event = eventFrom({
      event_name: "chat_finished",
      chat: { messages: [{ message: "Rua A, 10<br>Campinas", timestamp: 1764000000, type: "visitor" }] },
    });
    expect(buildTranscript(event).split("\n").slice(1)).toEqual(["[13:00] Visitante: Rua A, 10", "  Campinas"]);
  });

  it("never throws on an empty event or odd options", () => {
    const event = eventFrom({ event_name: "client_updated" });
    expect(buildTranscript(event)).toBe("Conversa no JivoChat");
    expect(() => buildTranscript(br, { timeZone: "Mars/Olympus", locale: "!!" })).not.toThrow();
    const broken: JivoEvent = {
      ...br,
      messages: [{ type: "visitor", text: "x", at: new Date(Number.NaN), agentId: null, agentName: null }],
    };
    expect(buildTranscript(broken)).toContain("[--:--] Mariana Conceição: x");
  });
});

describe("htmlToText", () => {
  it.each([
    ["<b>urgente</b>", "urgente"],
    ["Preço &amp; prazo &lt;hoje&gt; &quot;já&quot;", 'Preço & prazo <hoje> "já"'],
    ["Informa&ccedil;&atilde;o &#233; &#x00E9; &nbsp;ok", "Informação é é ok"],
    ["&amp;lt;b&amp;gt;", "&lt;b&gt;"],
    ['<a href="https://x.example">link</a> <img src=x onerror=alert(1)>', "link"],
    ["<script>alert(1)</script>oi<style>p{}</style>", "oi"],
    ["a < b and c > d, <3", "a < b and c > d, <3"],
    ["<p>linha 1</p><p>linha 2</p>", "linha 1\nlinha 2"],
    ["&unknown; &#99999999;", "&unknown; &#99999999;"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});
