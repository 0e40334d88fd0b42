import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { findIntegrationByToken, type TokenIntegration } from "@/lib/integration-model/webhook-token";
import { settingsSchema, type IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { dedupeKey, parseJivoEvent, type JivoEvent } from "@/lib/jivo/normalize-event";
import { chatKeyOf, notifyJobQueued } from "@/lib/jobs/enqueue";
import { eventDisposition } from "@/lib/sync/event-disposition";
import { storeWebhookEvent } from "./store-webhook-event";

// Events that legitimately repeat within one chat (each update is news): their key includes the body's hash, so
// only byte-identical re-deliveries collapse.
const REPEATABLE = new Set([
  "chat_updated",
  "client_updated",
  "client_attribute_updated",
  "call_event",
  "chat_assigned",
]);

export type Received = {
  integration: TokenIntegration;
  settings: IntegrationSettings | null;
  eventId: string;
  duplicate: boolean;
  event: JivoEvent;
};

function eventKey(event: JivoEvent, rawBody: string): string {
  const key = dedupeKey(event);
  if (!REPEATABLE.has(event.eventName)) return key;
  return `${key}:${createHash("sha256").update(rawBody).digest("hex").slice(0, 16)}`;
}

// Search columns keep a prefix. Cutting an emoji in half would leave a lone surrogate the driver refuses, and
// PostgreSQL text cannot hold NUL: both are cleaned (the raw payload keeps them, JSON-escaped).
const clip = (value: string | null, max = 300) =>
  value ? value.replaceAll("\u0000", "").slice(0, max).toWellFormed() : null;

/**
 * Stores a JivoChat delivery durably — the event row and, when it is acted on, its job in one transaction — and
 * reports whether it was a re-delivery. No Ploomes call happens here.
 */
export async function receiveJivoEvent(token: string, rawBody: string): Promise<Received> {
  return storeJivoDelivery(await findReceivingIntegration(token), rawBody);
}

/**
 * The integration that takes deliveries for this token (active or paused), or NOT_FOUND. Checked before the body
 * is read: an unknown or rotated token costs no upload.
 */
export async function findReceivingIntegration(token: string): Promise<TokenIntegration> {
  const integration = await findIntegrationByToken(token);
  if (!integration || integration.status === "inactive" || integration.status === "draft") {
    throw new AppError("NOT_FOUND", "Not found.");
  }
  return integration;
}

/** receiveJivoEvent once the token is known good. */
export async function storeJivoDelivery(integration: TokenIntegration, rawBody: string): Promise<Received> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not valid JSON.");
  }
  const parsed = parseJivoEvent(body);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.error);
  const event = parsed.event;

  const settings = settingsSchema.safeParse(JSON.parse(integration.settings || "{}"));
  const validSettings = settings.success ? settings.data : null;
  const disposition = eventDisposition(event, integration, validSettings);
  const key = eventKey(event, rawBody);

  const storedKey = clip(key, 500)!;
  const stored = await storeWebhookEvent({
    accountId: integration.accountId,
    integrationId: integration.id,
    eventName: clip(event.eventName, 100)!,
    widgetId: clip(event.widgetId, 100),
    chatId: clip(event.chatId, 100),
    dedupeKey: storedKey,
    visitorName: clip(event.visitor.name),
    visitorEmail: clip(event.visitor.email),
    visitorPhone: clip(event.visitor.phone, 60),
    rawPayload: rawBody,
    status: disposition.status,
    statusReason: disposition.queue ? null : disposition.reason,
    chatKey: disposition.queue
      ? chatKeyOf({
          integrationId: integration.id,
          widgetId: clip(event.widgetId, 100),
          chatId: clip(event.chatId, 100),
          dedupeKey: storedKey,
        })
      : null,
  });
  if (!stored.duplicate && disposition.queue) notifyJobQueued();
  return { integration, settings: validSettings, eventId: stored.id, duplicate: stored.duplicate, event };
}
