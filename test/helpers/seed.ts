import { randomBytes } from "node:crypto";
import { createAccountWithAdmin } from "@/lib/accounts/setup";
import { systemDb } from "@/lib/db/client";
import { newWebhookToken } from "@/lib/integration-model/webhook-token";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";

export async function seedAccount(label = "acc") {
  const id = randomBytes(4).toString("hex");
  return createAccountWithAdmin({ accountName: `${label} ${id}`, name: "Admin", email: `${label}-${id}@example.com`, password: "senha-segura-123" });
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
