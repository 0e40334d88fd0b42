import { z } from "zod";
import { buildTranscript } from "./build-transcript";
import type { JivoEvent } from "./normalize-event";

// Keys are persisted in field-mapping settings: never rename one, only add new keys.
export const STANDARD_FIELD_KEYS = [
  "visitor.name",
  "visitor.email",
  "visitor.phone",
  "visitor.description",
  "visitor.number",
  "organization.name",
  "chat_id",
  "widget_id",
  "chat.rate",
  "chat.started_at",
  "chat.invitation",
  "tags",
  "department.name",
  "topic.title",
  "status.title",
  "transcript",
  "offline.message",
  "agent.name",
  "agent.email",
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
  "session.user_agent",
  "call.phone",
  "call.record_url",
] as const;
export const standardFieldKeySchema = z.enum(STANDARD_FIELD_KEYS);
export type StandardFieldKey = z.infer<typeof standardFieldKeySchema>;

export const STANDARD_FIELD_GROUPS = ["visitor", "organization", "chat", "agent", "page", "session", "call"] as const;
export const standardFieldGroupSchema = z.enum(STANDARD_FIELD_GROUPS);
export type StandardFieldGroup = z.infer<typeof standardFieldGroupSchema>;

export const STANDARD_FIELD_VALUE_TYPES = [
  "string",
  "text",
  "number",
  "email",
  "phone",
  "url",
  "datetime",
  "list",
] as const;
export const standardFieldValueTypeSchema = z.enum(STANDARD_FIELD_VALUE_TYPES);
export type StandardFieldValueType = z.infer<typeof standardFieldValueTypeSchema>;

/** `datetime` values are ISO 8601 strings; `list` values are joined by ", ". */
export type StandardFieldValue = string | number | null;

type Definition = {
  group: StandardFieldGroup;
  valueType: StandardFieldValueType;
  read: (event: JivoEvent) => StandardFieldValue;
};

export type StandardField = Definition & { key: StandardFieldKey; labelKey: string };

const DEFINITIONS = {
  "visitor.name": { group: "visitor", valueType: "string", read: (e) => e.visitor.name },
  "visitor.email": { group: "visitor", valueType: "email", read: (e) => e.visitor.email },
  "visitor.phone": { group: "visitor", valueType: "phone", read: (e) => e.visitor.phone },
  "visitor.description": { group: "visitor", valueType: "text", read: (e) => e.visitor.description },
  "visitor.number": { group: "visitor", valueType: "string", read: (e) => e.visitor.number },
  "organization.name": { group: "organization", valueType: "string", read: (e) => e.organizationName },
  chat_id: { group: "chat", valueType: "string", read: (e) => e.chatId },
  widget_id: { group: "chat", valueType: "string", read: (e) => e.widgetId },
  "chat.rate": { group: "chat", valueType: "string", read: (e) => e.rate },
  "chat.started_at": {
    group: "chat",
    valueType: "datetime",
    read: (e) => {
      const at = e.messages[0]?.at ?? e.eventAt;
      return at && !Number.isNaN(at.getTime()) ? at.toISOString() : null;
    },
  },
  "chat.invitation": { group: "chat", valueType: "text", read: (e) => e.invitation },
  tags: { group: "chat", valueType: "list", read: (e) => (e.tags.length > 0 ? e.tags.join(", ") : null) },
  "department.name": { group: "chat", valueType: "string", read: (e) => e.department?.name ?? null },
  "topic.title": { group: "chat", valueType: "string", read: (e) => e.topic?.title ?? null },
  "status.title": { group: "chat", valueType: "string", read: (e) => e.status?.title ?? null },
  transcript: {
    group: "chat",
    valueType: "text",
    // A client_updated event has no conversation; an empty header alone would be noise in the CRM.
    read: (e) => (e.messages.length > 0 || e.offlineMessage ? buildTranscript(e) : null),
  },
  "offline.message": { group: "chat", valueType: "text", read: (e) => e.offlineMessage },
  "agent.name": { group: "agent", valueType: "string", read: (e) => e.agent?.name ?? null },
  "agent.email": { group: "agent", valueType: "email", read: (e) => e.agent?.email ?? null },
  "page.url": { group: "page", valueType: "url", read: (e) => e.page.url },
  "page.title": { group: "page", valueType: "string", read: (e) => e.page.title },
  "session.geoip.city": { group: "session", valueType: "string", read: (e) => e.geo.city },
  "session.geoip.region": { group: "session", valueType: "string", read: (e) => e.geo.region },
  "session.geoip.country": { group: "session", valueType: "string", read: (e) => e.geo.country },
  "session.utm.source": { group: "session", valueType: "string", read: (e) => e.utm.source },
  "session.utm.medium": { group: "session", valueType: "string", read: (e) => e.utm.medium },
  "session.utm.campaign": { group: "session", valueType: "string", read: (e) => e.utm.campaign },
  "session.utm.content": { group: "session", valueType: "string", read: (e) => e.utm.content },
  "session.utm.term": { group: "session", valueType: "string", read: (e) => e.utm.term },
  "session.ip_addr": { group: "session", valueType: "string", read: (e) => e.ipAddr },
  "session.user_agent": { group: "session", valueType: "text", read: (e) => e.userAgent },
  "call.phone": { group: "call", valueType: "phone", read: (e) => e.call?.phone ?? null },
  "call.record_url": { group: "call", valueType: "url", read: (e) => e.call?.recordUrl ?? null },
} satisfies Record<StandardFieldKey, Definition>;

/** "session.geoip.city" → "jivoFields.sessionGeoipCity": the message-file key for the UI label. */
function toLabelKey(key: StandardFieldKey): string {
  return `jivoFields.${key.replace(/[._]+([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}

export const STANDARD_FIELDS: readonly StandardField[] = STANDARD_FIELD_KEYS.map((key) => ({
  key,
  labelKey: toLabelKey(key),
  ...DEFINITIONS[key],
}));

export function getStandardField(key: StandardFieldKey): StandardField {
  const definition: Definition = DEFINITIONS[key];
  return { key, labelKey: toLabelKey(key), ...definition };
}

export function readStandardField(key: StandardFieldKey, event: JivoEvent): StandardFieldValue {
  return DEFINITIONS[key].read(event);
}
