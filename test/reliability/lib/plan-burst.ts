import { fixture } from "../../helpers/sandbox-integration";
import type { Random } from "./seeded-random";
import type { FleetMember } from "./setup-fleet";

/** chat: a finished chat (company, person, deal, transcript); offline: a lead; ignored: stored, never queued. */
export type EventKind = "chat" | "offline" | "ignored";

export type PlannedEvent = {
  n: number;
  member: FleetMember;
  kind: EventKind;
  /** The e-mail the event is sent with (a returning visitor's chats spell it in different cases). */
  email: string;
  /**
   * Who the records are about: the visitor's identity (lower-case e-mail). Unique per event, except for a
   * returning visitor's chats, which share it — and must share their company, person and deal.
   */
  visitor: string;
  /** The JivoChat chat id the event carries (chats and offline messages): how the ledger finds its row. */
  chatId: number;
  body: string;
};

/** Deliveries sent together; a wave holding the same event twice is a concurrent re-delivery. */
export type Wave = PlannedEvent[];

export type Burst = {
  events: PlannedEvent[];
  waves: Wave[];
  duplicates: number;
  concurrentDuplicates: number;
  /** Chats of returning visitors, sent together with the other chats of the same visitor. */
  returningChats: number;
  returningVisitors: number;
};

const templates = {
  chat: JSON.parse(fixture("chat_finished_br")) as Record<string, unknown>,
  offline: JSON.parse(fixture("offline_message")) as Record<string, unknown>,
  accepted: JSON.parse(fixture("chat_accepted")) as Record<string, unknown>,
  client: JSON.parse(fixture("client_updated")) as Record<string, unknown>,
};

// A DDD no seed record uses, and 8 digits from the event number: no two visitors share any form of a phone.
const phoneOf = (n: number) => {
  const digits = String(20_000_000 + n);
  return `(48) 9${digits.slice(0, 4)}-${digits.slice(4)}`;
};

const chatIdOf = (n: number) => 5_000_000 + n;

/** `v`: the visitor's own number (a returning visitor's chats share it, so their phone and company too). */
function bodyOf(n: number, kind: EventKind, email: string, agentLookups: boolean, v = n): string {
  const visitor = (template: Record<string, unknown>) => ({
    ...(template.visitor as object),
    name: `Visitante ${v} Conceição`,
    email,
    phone: phoneOf(v),
    number: String(900_000 + v),
  });
  const chatId = chatIdOf(n);
  if (kind === "chat") {
    const base = templates.chat;
    return JSON.stringify({
      ...base,
      chat_id: chatId,
      visitor: visitor(base),
      organization: { id: String(v), name: `Empresa ${v} Ltda` },
    });
  }
  if (kind === "offline") {
    const base = templates.offline;
    return JSON.stringify({
      ...base,
      chat_id: chatId,
      offline_message_id: 1_700_000_000_000 + n,
      visitor: visitor(base),
    });
  }
  // Events the hub stores but does not act on; chat_accepted also asks Ploomes about the visitor for the agent.
  if (agentLookups && n % 2 === 0)
    return JSON.stringify({ ...templates.accepted, chat_id: chatId, visitor: visitor(templates.accepted) });
  // (client_updated is acted on since issue 16 — it updates a client already written — so the stored-only kind is
  // its sibling client_attribute_updated, which the hub keeps but never queues.)
  return JSON.stringify({
    ...templates.client,
    event_name: "client_attribute_updated",
    client_id: String(chatId),
    visitor: visitor(templates.client),
  });
}

/** A returning visitor's e-mail as their n-th chat spells it: case and spaces vary, the identity does not. */
const spelling = (email: string, n: number) =>
  [email, email.toUpperCase(), ` ${email.replace(/^./, (c) => c.toUpperCase())} `][n % 3]!;

/**
 * `events` unique JivoChat events spread over the fleet (80 % chats, 10 % offline messages, 10 % ignored kinds;
 * `doomedShare` of them to the doomed integrations; `agentLookups`: half the ignored ones are chat_accepted, which
 * spend the budget from the receiver), plus `duplicateRate` re-deliveries: half sent at the same
 * moment as the original, half later in the burst. `returningShare` of the events (default 20 %) are chats of
 * returning visitors: 2 to 4 chats of one visitor (e-mail spelt differently) arriving at the same moment.
 */
export function planBurst(
  fleet: FleetMember[],
  options: {
    events: number;
    duplicateRate: number;
    doomedShare: number;
    agentLookups: boolean;
    random: Random;
    returningShare?: number;
  },
): Burst {
  const { random } = options;
  const healthy = fleet.filter((member) => !member.doomed);
  const doomed = fleet.filter((member) => member.doomed);
  const returningShare = options.returningShare ?? 0.2;
  const events: PlannedEvent[] = [];
  /** Events of one returning visitor, by the index of their first event. */
  const groups = new Map<number, PlannedEvent[]>();
  let returningVisitors = 0;
  while (events.length < options.events) {
    const n = events.length;
    const left = options.events - n;
    // A group opens with the probability that makes its chats `returningShare` of the events (3 chats on average).
    if (left >= 2 && random.chance(returningShare / 3)) {
      const size = Math.min(left, random.int(2, 4));
      const member = random.pick(healthy);
      const visitor = `visitante${n}@ledger.example`;
      const group = Array.from({ length: size }, (_, k) => {
        const email = spelling(visitor, k);
        return {
          n: n + k,
          member,
          kind: "chat" as const,
          email,
          visitor,
          chatId: chatIdOf(n + k),
          body: bodyOf(n + k, "chat", email, options.agentLookups, n),
        };
      });
      events.push(...group);
      groups.set(n, group);
      returningVisitors++;
      continue;
    }
    const roll = random.next();
    const kind: EventKind = roll < 0.8 ? "chat" : roll < 0.9 ? "offline" : "ignored";
    const member = doomed.length > 0 && random.chance(options.doomedShare) ? random.pick(doomed) : random.pick(healthy);
    const email = `visitante${n}@ledger.example`;
    events.push({
      n,
      member,
      kind,
      email,
      visitor: email,
      chatId: chatIdOf(n),
      body: bodyOf(n, kind, email, options.agentLookups),
    });
  }

  // A returning visitor's chats travel in one wave: they arrive together.
  const inGroup = new Set([...groups.values()].flat().map((event) => event.n));
  const placed = events.flatMap((event, index) =>
    groups.has(index)
      ? [{ at: index, wave: [...groups.get(index)!] as Wave }]
      : inGroup.has(event.n)
        ? []
        : [{ at: index, wave: [event] as Wave }],
  );
  const duplicates = Math.round(options.events * options.duplicateRate);
  let concurrentDuplicates = 0;
  for (let d = 0; d < duplicates; d++) {
    const index = random.int(0, events.length - 1);
    const event = events[index]!;
    const own = placed.find((entry) => entry.wave.includes(event));
    if (own && random.chance(0.5)) {
      own.wave.push(event);
      concurrentDuplicates++;
    } else {
      placed.push({ at: random.int(index, events.length - 1) + 0.5, wave: [event] });
    }
  }
  placed.sort((a, b) => a.at - b.at);
  const returningChats = [...groups.values()].reduce((sum, group) => sum + group.length, 0);
  return {
    events,
    waves: placed.map((entry) => entry.wave),
    duplicates,
    concurrentDuplicates,
    returningChats,
    returningVisitors,
  };
}
