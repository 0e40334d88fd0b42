import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";

/** A stored event of an integration, with sensible defaults; `job` creates its queue row too. */
export async function seedEvent(
  integration: { id: string; accountId: string },
  data: Partial<Prisma.WebhookEventUncheckedCreateInput> = {},
  job?: Partial<Prisma.JobUncheckedCreateWithoutEventInput>,
) {
  return systemDb.webhookEvent.create({
    data: {
      accountId: integration.accountId,
      integrationId: integration.id,
      eventName: "chat_finished",
      widgetId: "widget-1",
      chatId: randomUUID().slice(0, 8),
      dedupeKey: randomUUID(),
      rawPayload: JSON.stringify({ event_name: "chat_finished" }),
      ...data,
      job: job ? { create: { chatKey: randomUUID(), ...job } } : undefined,
    },
    include: { job: true },
  });
}
