import { fixture } from "../../helpers/sandbox-integration";
import type { Random } from "./seeded-random";
import type { FleetMember } from "./setup-fleet";

/** chat: a finished chat (company, person, deal, transcript); offline: a lead; ignored: stored, never queued. */
export type EventKind = "chat" | "offline" | "ignored";

export type PlannedEvent = {
  n: number;
  member: FleetMember;
  kind: EventKind;
  /** Unique per event: how the ledger finds its row and its records. */
  email: string;
  body: string;
};

/** Deliveries sent together; a wave holding the same event twice is a concurrent re-delivery. */
export type Wave = PlannedEvent[];

export type Burst = { events: PlannedEvent[]; waves: Wave[]; duplicates: number; concurrentDuplicates: number };

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

function bodyOf(n: number, kind: EventKind, email: string, agentLookups: boolean): string {
  const visitor = (template: Record<string, unknown>) => ({
    ...(template.visitor as object),
    name: `Visitante ${n} Conceição`,
    email,
    phone: phoneOf(n),
    number: String(900_000 + n),
  });
  const chatId = 5_000_000 + n;
  if (kind === "chat") {
    const base = templates.chat;
    return JSON.stringify({ ...base, chat_id: chatId, visitor: visitor(base), organization: { id: String(n), name: `Empresa ${n} Ltda` } });
  }
  if (kind === "offline") {
    const base = templates.offline;
    return JSON.stringify({ ...base, chat_id: chatId, offline_message_id: 1_700_000_000_000 + n, visitor: visitor(base) });
  }
  // Events the hub stores but does not act on; chat_accepted also asks Ploomes about the visitor for the agent.
  if (agentLookups && n % 2 === 0) return JSON.stringify({ ...templates.accepted, chat_id: chatId, visitor: visitor(templates.accepted) });
  return JSON.stringify({ ...templates.client, client_id: String(chatId), visitor: visitor(templates.client) });
}

/**
 * `events` unique JivoChat events spread over the fleet (80 % chats, 10 % offline messages, 10 % ignored kinds;
 * `doomedShare` of them to the doomed integrations; `agentLookups`: half the ignored ones are chat_accepted, which
 * spend the budget from the receiver), plus `duplicateRate` re-deliveries: half sent at the same
 * moment as the original, half later in the burst.
 */
export function planBurst(
  fleet: FleetMember[],
  options: { events: number; duplicateRate: number; doomedShare: number; agentLookups: boolean; random: Random },
): Burst {
  const { random } = options;
  const healthy = fleet.filter((member) => !member.doomed);
  const doomed = fleet.filter((member) => member.doomed);
  const events: PlannedEvent[] = Array.from({ length: options.events }, (_, n) => {
    const roll = random.next();
    const kind: EventKind = roll < 0.8 ? "chat" : roll < 0.9 ? "offline" : "ignored";
    const member = doomed.length > 0 && random.chance(options.doomedShare) ? random.pick(doomed) : random.pick(healthy);
    const email = `visitante${n}@ledger.example`;
    return { n, member, kind, email, body: bodyOf(n, kind, email, options.agentLookups) };
  });

  const placed = events.map((event, index) => ({ at: index, wave: [event] as Wave }));
  const duplicates = Math.round(options.events * options.duplicateRate);
  let concurrentDuplicates = 0;
  for (let d = 0; d < duplicates; d++) {
    const index = random.int(0, events.length - 1);
    const event = events[index]!;
    if (random.chance(0.5)) {
      placed[index]!.wave.push(event);
      concurrentDuplicates++;
    } else {
      placed.push({ at: random.int(index, events.length - 1) + 0.5, wave: [event] });
    }
  }
  placed.sort((a, b) => a.at - b.at);
  return { events, waves: placed.map((entry) => entry.wave), duplicates, concurrentDuplicates };
}
