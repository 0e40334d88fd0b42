import { z } from "zod";
import { jivoPayloadSchema, type JivoAgentPayload, type JivoPayload } from "./payload-schema";

export const JIVO_EVENT_KINDS = [
  "chat_accepted",
  "chat_updated",
  "chat_finished",
  "offline_message",
  "client_updated",
  "client_attribute_updated",
  "call_event",
  "chat_assigned",
] as const;
export const jivoEventKindSchema = z.enum(JIVO_EVENT_KINDS);
export type JivoEventKind = z.infer<typeof jivoEventKindSchema>;

// Unknown event names are still parsed (JivoChat adds events over time); callers decide to ignore.
export function isKnownJivoEventKind(name: string): name is JivoEventKind {
  return (JIVO_EVENT_KINDS as readonly string[]).includes(name);
}

const text = z.string().nullable();
const agentSchema = z.object({ id: text, name: text, email: text });

// The normalised shape is a zod schema too, so an event stored as JSON can be revived
// (`jivoEventSchema.parse(JSON.parse(stored))` turns the ISO dates back into Date objects).
export const jivoEventSchema = z.object({
  eventName: z.string(),
  widgetId: text,
  chatId: text,
  offlineMessageId: text,
  clientId: text,
  userToken: text,
  eventAt: z.coerce.date().nullable(),
  visitor: z.object({ name: text, email: text, phone: text, description: text, number: text }),
  organizationName: text,
  agent: agentSchema.nullable(),
  agents: z.array(agentSchema),
  assignedAgent: agentSchema.nullable(),
  department: z.object({ id: text, name: text }).nullable(),
  topic: z.object({ id: text, title: text, parentId: text }).nullable(),
  status: z.object({ id: text, title: text }).nullable(),
  tags: z.array(z.string()),
  page: z.object({ url: text, title: text }),
  geo: z.object({ city: text, region: text, country: text, countryCode: text }),
  utm: z.object({ source: text, medium: text, campaign: text, content: text, term: text }),
  ipAddr: text,
  userAgent: text,
  rate: z.enum(["positive", "negative"]).nullable(),
  messages: z.array(
    z.object({
      type: z.enum(["visitor", "agent", "system"]),
      text: z.string(),
      at: z.coerce.date(),
      agentId: text,
      agentName: text,
    }),
  ),
  offlineMessage: text,
  call: z.object({ type: text, phone: text, status: text, reason: text, recordUrl: text }).nullable(),
  invitation: text,
});

export type JivoEvent = z.infer<typeof jivoEventSchema>;
export type JivoAgent = z.infer<typeof agentSchema>;
export type JivoMessage = JivoEvent["messages"][number];
export type ParseJivoEventResult = { ok: true; event: JivoEvent } | { ok: false; error: string };

export function parseJivoEvent(body: unknown, options: { receivedAt?: Date } = {}): ParseJivoEventResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: "body is not a JSON object" };
  }
  const eventName: unknown = (body as Record<string, unknown>).event_name;
  if (eventName === undefined || eventName === null) return { ok: false, error: "event_name is missing" };
  if (typeof eventName !== "string") return { ok: false, error: "event_name is not a string" };
  if (eventName.trim() === "") return { ok: false, error: "event_name is empty" };

  const parsed = jivoPayloadSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: "payload is not a JivoChat event" };
  return { ok: true, event: normalizePayload(parsed.data, options.receivedAt ?? new Date()) };
}

/**
 * Idempotency key for webhook retries: `widget_id:chat_id:event_name[:offline_message_id]`.
 * Events without a chat (client_updated, client_attribute_updated, some call_event) use
 * `client-<client_id>`, else `visitor-<visitor.number>`, else `at-<event_timestamp>` in the chat slot,
 * so the key never silently merges different subjects.
 */
export function dedupeKey(event: JivoEvent): string {
  const subject =
    event.chatId ??
    (event.clientId !== null ? `client-${event.clientId}` : null) ??
    (event.visitor.number !== null ? `visitor-${event.visitor.number}` : null) ??
    (event.eventAt !== null ? `at-${Math.floor(event.eventAt.getTime() / 1000)}` : "-");
  const parts = [event.widgetId ?? "-", subject, event.eventName];
  if (event.offlineMessageId !== null) parts.push(event.offlineMessageId);
  return parts.join(":");
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toAgent(raw: JivoAgentPayload | null): JivoAgent | null {
  if (!raw) return null;
  const agent = { id: clean(raw.id), name: clean(raw.name), email: clean(raw.email)?.toLowerCase() ?? null };
  return agent.id === null && agent.name === null && agent.email === null ? null : agent;
}

// JivoChat documents unix seconds; values that only make sense as milliseconds are accepted too.
function toDate(timestamp: number | null | undefined): Date | null {
  if (timestamp === null || timestamp === undefined || !Number.isFinite(timestamp)) return null;
  const date = new Date(timestamp > 1e11 ? timestamp : timestamp * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseUtmString(raw: string | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (raw ?? "").split("|")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const key = pair.slice(0, at).trim().replace(/^utm_/, "");
    let value = pair.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      // Keep the raw value: a stray "%" must not cost us the campaign.
    }
    if (key && value) result[key] = value;
  }
  return result;
}

function pickAgent(eventName: string, agent: JivoAgent | null, agents: JivoAgent[], assigned: JivoAgent | null) {
  // chat_finished lists everyone who took part in `agents`; other events name the acting agent.
  // assigned_agent (the client's owner) is the last resort, e.g. for client_updated.
  if (eventName === "chat_finished") return agents[0] ?? agent ?? assigned;
  return agent ?? agents[0] ?? assigned;
}

function normalizeMessages(payload: JivoPayload, known: JivoAgent[], fallbackAt: Date): JivoMessage[] {
  const raw = payload.chat?.messages ?? [];
  const dates = raw.map((message) => toDate(message.timestamp));
  const firstKnown = dates.find((date) => date !== null) ?? fallbackAt;
  const participantNames = [...new Set(known.map((agent) => agent.name).filter((name) => name !== null))];
  let previous: Date = firstKnown;

  return raw.map((message, index) => {
    const at = dates[index] ?? previous;
    previous = at;
    const agentId = clean(message.agent_id);
    const rawType = clean(message.type)?.toLowerCase();
    const type =
      rawType === "visitor" || rawType === "agent" ? rawType : rawType ? "system" : agentId ? "agent" : "visitor";
    const agentName =
      type !== "agent"
        ? null
        : agentId !== null
          ? (known.find((agent) => agent.id === agentId)?.name ?? null)
          : participantNames.length === 1
            ? (participantNames[0] ?? null)
            : null;
    return { type, text: (message.message ?? "").trim(), at, agentId, agentName };
  });
}

function normalizePayload(payload: JivoPayload, receivedAt: Date): JivoEvent {
  const eventName = payload.event_name;
  const eventAt = toDate(payload.event_timestamp);
  const agents = payload.agents.map(toAgent).filter((agent) => agent !== null);
  const directAgent = toAgent(payload.agent);
  const assignedAgent = toAgent(payload.assigned_agent);
  const known = [...agents, directAgent, assignedAgent].filter((agent) => agent !== null);
  const session = payload.session;
  const utmJson = session?.utm_json;
  const utmText = parseUtmString(session?.utm);
  const utm = (key: "source" | "medium" | "campaign" | "content" | "term") =>
    clean(utmJson?.[key]) ?? utmText[key] ?? null;
  const rate = clean(payload.chat?.rate)?.toLowerCase();
  const call = payload.call;

  return {
    eventName,
    widgetId: payload.widget_id,
    chatId: payload.chat_id,
    offlineMessageId: payload.offline_message_id,
    clientId: payload.client_id,
    userToken: clean(payload.user_token),
    eventAt,
    visitor: {
      name: clean(payload.visitor?.name),
      email: clean(payload.visitor?.email)?.toLowerCase() ?? null,
      // A call's visitor is the caller: their number is the call's when the visitor card has none.
      phone: clean(payload.visitor?.phone) ?? (eventName === "call_event" ? clean(payload.call?.phone) : null),
      description: clean(payload.visitor?.description),
      number: payload.visitor?.number ?? null,
    },
    organizationName: clean(payload.organization?.name),
    agent: pickAgent(eventName, directAgent, agents, assignedAgent),
    agents,
    assignedAgent,
    department: payload.department ? { id: payload.department.id, name: clean(payload.department.name) } : null,
    topic: payload.topic
      ? { id: payload.topic.topic_id, title: clean(payload.topic.title), parentId: payload.topic.parent_id }
      : null,
    status: payload.status ? { id: payload.status.id, title: clean(payload.status.title) } : null,
    tags: payload.tags.map((tag) => clean(tag.title)).filter((title) => title !== null),
    page: { url: clean(payload.page?.url), title: clean(payload.page?.title) },
    geo: {
      city: clean(session?.geoip?.city),
      region: clean(session?.geoip?.region),
      country: clean(session?.geoip?.country),
      countryCode: clean(session?.geoip?.country_code)?.toUpperCase() ?? null,
    },
    utm: {
      source: utm("source"),
      medium: utm("medium"),
      campaign: utm("campaign"),
      content: utm("content"),
      term: utm("term"),
    },
    ipAddr: clean(session?.ip_addr),
    userAgent: clean(session?.user_agent),
    rate: rate === "positive" || rate === "negative" ? rate : null,
    messages: normalizeMessages(payload, known, eventAt ?? receivedAt),
    offlineMessage: eventName === "offline_message" ? clean(payload.message) : null,
    call: call
      ? {
          type: clean(call.type),
          phone: clean(call.phone),
          status: clean(call.status),
          reason: clean(call.reason),
          recordUrl: clean(call.record_url),
        }
      : null,
    invitation: clean(payload.chat?.invitation),
  };
}
