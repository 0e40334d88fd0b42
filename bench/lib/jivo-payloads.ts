import fs from "node:fs";

// JivoChat bodies for the benchmarks, built from the test fixtures (real payload shapes) so that only the ids
// and the visitor change. Read with fs, not through test/helpers, which would open the database on import.
const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(`test/fixtures/jivo/${name}.json`, "utf8")) as Record<string, unknown>;

/** A small seeded PRNG (mulberry32): the same run sends the same sequence of new and repeated chats. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An endless source of webhook bodies for load: the events the receiver queues (two chat_finished shapes and an
 * offline_message) in turn, each with a new chat id, except `duplicateShare` of them that repeat a recent one
 * (JivoChat re-delivers when it misses an answer). Splicing a template keeps the generator cheap: it shares the
 * machine with the server under test.
 */
export function ingestBodies(duplicateShare = 0.1, seed = 1): () => string {
  const marker = "__CHAT_ID__";
  const templates = ["chat_finished", "chat_finished_br", "offline_message"].map((name) => {
    const [head, tail] = JSON.stringify({ ...fixture(name), chat_id: marker }).split(`"${marker}"`);
    return { head: head!, tail: tail! };
  });
  const random = seeded(seed);
  const recent: number[] = [];
  let next = 1;
  return () => {
    let id: number;
    if (recent.length > 0 && random() < duplicateShare) {
      id = recent[Math.floor(random() * recent.length)]!;
    } else {
      id = next++;
      recent[id % 10_000] = id;
    }
    const template = templates[id % templates.length]!;
    return `${template.head}${id}${template.tail}`;
  };
}

export type Visitor = { index: number; name: string; email: string; phone: string; company: string };

/** The n-th distinct visitor: unique name, e-mail, Brazilian mobile number and company. */
export function visitor(index: number): Visitor {
  const digits = String(index % 10_000_000).padStart(7, "0");
  return {
    index,
    name: `Visitante ${index}`,
    email: `visitante${index}@exemplo.com.br`,
    phone: `(11) 98${digits.slice(0, 3)}-${digits.slice(3)}`,
    company: `Empresa ${index} Ltda`,
  };
}

/** A finished chat (the Brazilian fixture: organisation, agent, transcript) of `who`. */
export function finishedChat(chatId: number, who: Visitor): string {
  const payload = fixture("chat_finished_br");
  const base = payload.visitor as Record<string, unknown>;
  return JSON.stringify({
    ...payload,
    chat_id: chatId,
    visitor: { ...base, name: who.name, email: who.email, phone: who.phone, number: who.index },
    organization: { id: String(who.index), name: who.company },
  });
}
