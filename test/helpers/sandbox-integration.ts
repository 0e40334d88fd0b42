import fs from "node:fs";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import type { IntegrationSettingsInput } from "@/lib/integrations/settings-schema";
import { startWorker } from "@/lib/jobs/run-worker";
import { PloomesClient } from "@/lib/ploomes/client";
import { createMemoryPacer } from "@/lib/ploomes/pacer";
import { createSandboxTenant } from "@/lib/ploomes-sandbox/create-sandbox-tenant";
import { processEvent, settleEvent } from "@/lib/sync/process-event";
import { seedAccount, seedIntegration } from "./seed";

export const fixture = (name: string) => fs.readFileSync(`test/fixtures/jivo/${name}.json`, "utf8");

/** An account with a sandbox tenant, a connection to it and an active integration with the given settings. */
export async function setupSandboxIntegration(serverUrl: string, settings: IntegrationSettingsInput) {
  const account = await seedAccount("sync");
  const { tenantId, apiKey } = await createSandboxTenant({ accountId: account.id, name: account.name });
  const baseUrl = `${serverUrl}/sandbox/ploomes/api`;
  const connection = await systemDb.ploomesConnection.create({
    data: {
      accountId: account.id,
      name: "Sandbox",
      baseUrl,
      apiKeyCipher: encryptSecret(apiKey),
      apiKeyLast4: apiKey.slice(-4),
      budgetKey: hashToken(apiKey),
      isSandbox: true,
    },
  });
  const { integration, token } = await seedIntegration({ accountId: account.id, connectionId: connection.id, settings });
  // Assertions read the sandbox through the real client, unpaced by the app's budget.
  const crm = new PloomesClient({ baseUrl, apiKey, pacer: createMemoryPacer({ perMinute: 6000 }) });
  return { account, tenantId, apiKey, connection, integration, token, crm, webhookUrl: `${serverUrl}/api/webhooks/jivo/${token}` };
}

export async function deliver(webhookUrl: string, body: string) {
  const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs a worker until no job of these integrations is queued (due) or running; returns how long it took. */
export async function drain(integrationIds: string[], options: { timeoutMs?: number; concurrency?: number } = {}) {
  const worker = startWorker({
    handler: processEvent,
    onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
    concurrency: options.concurrency ?? 4,
    pollMs: 20,
    retryBaseMs: 50,
  });
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      const pending = await systemDb.job.count({
        where: { event: { integrationId: { in: integrationIds } }, status: { in: ["queued", "running"] } },
      });
      if (pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${pending} job(s) still pending after the drain timeout`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await worker.stop();
  }
}

export async function eventsOf(integrationId: string) {
  return systemDb.webhookEvent.findMany({
    where: { integrationId },
    include: { calls: { orderBy: { createdAt: "asc" } }, job: true },
    orderBy: { receivedAt: "asc" },
  });
}

/** What the sandbox holds for a tenant (read straight from its tables, for exact counts). */
export async function sandboxRecords(tenantId: string, entity: string): Promise<Record<string, unknown>[]> {
  const rows = await systemDb.sandboxRecord.findMany({ where: { tenantId, entity }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ ...(JSON.parse(row.data) as Record<string, unknown>), Id: row.id }));
}
