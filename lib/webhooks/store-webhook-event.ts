import { randomUUID } from "node:crypto";
import { systemDb } from "@/lib/db/client";

export type NewWebhookEvent = {
  accountId: string;
  integrationId: string;
  eventName: string;
  widgetId: string | null;
  chatId: string | null;
  dedupeKey: string;
  visitorName: string | null;
  visitorEmail: string | null;
  visitorPhone: string | null;
  rawPayload: string;
  status: string;
  statusReason: string | null;
  /** Set when the event is acted on: its job is written in the same transaction. */
  chatKey: string | null;
};

// The receiver's hot path, in plain SQL (the same on SQLite and PostgreSQL): an ORM query costs ~1 ms of query
// planning here, a prepared raw statement ~0.1 ms, and this path runs once per JivoChat delivery.

/**
 * Stores a delivery and, when it is acted on, its job — in one transaction. A re-delivery (same integration and
 * dedupe key) stores nothing new and is counted on the original. Returns the event id either way.
 */
export async function storeWebhookEvent(event: NewWebhookEvent): Promise<{ id: string; duplicate: boolean }> {
  const now = new Date();
  const id = randomUUID();
  return systemDb.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "WebhookEvent" ("id", "accountId", "integrationId", "eventName", "widgetId", "chatId", "dedupeKey",
        "visitorName", "visitorEmail", "visitorPhone", "rawPayload", "status", "statusReason", "deliveries", "outcome", "receivedAt")
      VALUES (${id}, ${event.accountId}, ${event.integrationId}, ${event.eventName}, ${event.widgetId}, ${event.chatId},
        ${event.dedupeKey}, ${event.visitorName}, ${event.visitorEmail}, ${event.visitorPhone}, ${event.rawPayload},
        ${event.status}, ${event.statusReason}, 1, '{}', ${now})
      ON CONFLICT ("integrationId", "dedupeKey") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) {
      const original = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "WebhookEvent" SET "deliveries" = "deliveries" + 1
        WHERE "integrationId" = ${event.integrationId} AND "dedupeKey" = ${event.dedupeKey}
        RETURNING "id"`;
      return { id: original[0]!.id, duplicate: true };
    }
    if (event.chatKey) {
      await tx.$executeRaw`
        INSERT INTO "Job" ("id", "eventId", "chatKey", "status", "attempts", "runAt", "createdAt", "updatedAt")
        VALUES (${randomUUID()}, ${id}, ${event.chatKey}, 'queued', 0, ${now}, ${now}, ${now})`;
    }
    return { id, duplicate: false };
  });
}

/** Remembers when the integration last heard from JivoChat; written at most once a minute to spare bursts. */
export async function touchLastEvent(integrationId: string, now = new Date()): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await systemDb.$executeRaw`
    UPDATE "Integration" SET "lastEventAt" = ${now}
    WHERE "id" = ${integrationId} AND ("lastEventAt" IS NULL OR "lastEventAt" < ${minuteAgo})`;
}
