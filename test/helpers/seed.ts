import { randomBytes, randomUUID } from "node:crypto";
import { createAccountWithAdmin } from "@/lib/accounts/setup";
import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { newWebhookToken } from "@/lib/integration-model/webhook-token";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";

export async function seedAccount(label = "acc") {
  const id = randomBytes(4).toString("hex");
  return createAccountWithAdmin({
    accountName: `${label} ${id}`,
    name: "Admin",
    email: `${label}-${id}@example.com`,
    password: "senha-segura-123",
  });
}

/** An integration ready to receive webhooks (status active by default), with its plain token. */
export async function seedIntegration(options: {
  accountId: string;
  connectionId?: string | null;
  status?: string;
  settings?: IntegrationSettingsInput;
}) {
  const { token, tokenHash, tokenCipher, tokenHint } = newWebhookToken();
  const integration = await systemDb.integration.create({
    data: {
      accountId: options.accountId,
      name: "Jivo – site",
      status: options.status ?? "active",
      connectionId: options.connectionId ?? null,
      settings: JSON.stringify(options.settings ?? { behaviour: "lead" }),
      tokenHash,
      tokenCipher,
      tokenHint,
    },
  });
  return { integration, token };
}

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
