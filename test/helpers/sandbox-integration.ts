import fs from "node:fs";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";
import { startWorker } from "@/lib/jobs/run-worker";
import { PloomesClient } from "@/lib/ploomes/client";
import { createMemoryPacer } from "@/lib/ploomes/pacer";
import { createSandboxTenant, SANDBOX_SEED } from "@/lib/ploomes-sandbox";
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
  const { integration, token } = await seedIntegration({
    accountId: account.id,
    connectionId: connection.id,
    settings,
  });
  // Assertions read the sandbox through the real client, unpaced by the app's budget.
  const crm = new PloomesClient({ baseUrl, apiKey, pacer: createMemoryPacer({ perMinute: 6000 }) });
  return {
    account,
    tenantId,
    apiKey,
    connection,
    integration,
    token,
    crm,
    webhookUrl: `${serverUrl}/api/webhooks/jivo/${token}`,
  };
}

/** The sandbox seed's sales funnel ("Funil de Vendas") at its first stage ("Prospecção"), in this tenant's ids. */
export async function salesFunnel(crm: PloomesClient): Promise<{ pipelineId: number; stageId: number }> {
  const { Name, stages } = SANDBOX_SEED.salesPipeline;
  const sales = (await crm.listPipelines()).find((pipeline) => pipeline.Name === Name)!;
  return { pipelineId: sales.Id, stageId: sales.Stages!.find((stage) => stage.Name === stages[0])!.Id };
}

/**
 * setupSandboxIntegration with `settings` in the sandbox seed's sales funnel: its ids exist only once the tenant is
 * made, so they are written after it, under `settings` (which may name another stage). `data` joins that update.
 */
export async function setupFunnelIntegration(
  serverUrl: string,
  settings: IntegrationSettingsInput,
  data: { lastHealthAt?: Date } = {},
) {
  const setup = await setupSandboxIntegration(serverUrl, { behaviour: "lead" });
  const funnel = await salesFunnel(setup.crm);
  await systemDb.integration.update({
    where: { id: setup.integration.id },
    data: { ...data, settings: JSON.stringify({ ...funnel, ...settings }) },
  });
  return { ...setup, ...funnel };
}

/**
 * `count` finished chats (chat_finished_br) from as many distinct visitors, each with a company of its own: the n-th
 * (from `offset`) has chat id `series.chatId + n`, an e-mail `<series.email>n@exemplo.com.br` and a phone from
 * `series.phone + n`, so that two series never meet.
 */
export function distinctChats(
  count: number,
  offset: number,
  series: { chatId: number; email: string; phone: number },
): string[] {
  const base = JSON.parse(fixture("chat_finished_br"));
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    return JSON.stringify({
      ...base,
      chat_id: series.chatId + i,
      visitor: {
        ...base.visitor,
        name: `Visitante ${i}`,
        email: `${series.email}${i}@exemplo.com.br`,
        phone: `(11) 9${String(series.phone + i).slice(-8)}`,
      },
      organization: { id: String(i), name: `Empresa ${i} Ltda` },
    });
  });
}

export async function deliver(webhookUrl: string, body: string) {
  const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function startDrainWorker(concurrency = 4) {
  return startWorker({
    handler: processEvent,
    onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
    concurrency,
    pollMs: 20,
    // Retries come quickly and a run of failures never grows into minutes (a Retry-After is still honoured).
    retryBaseMs: 50,
    retryMaxMs: 800,
  });
}

/** Where the integrations' queue stands: what is left, and how far work has gone (attempts made, calls logged). */
async function queueState(integrationIds: string[]) {
  const where = { event: { integrationId: { in: integrationIds } } };
  const [pending, attempts, calls, earliest] = await Promise.all([
    systemDb.job.count({ where: { ...where, status: { in: ["queued", "running"] } } }),
    systemDb.job.aggregate({ where, _sum: { attempts: true } }),
    systemDb.ploomesCall.count({ where }),
    systemDb.job.findFirst({
      where: { ...where, status: "queued" },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    }),
  ]);
  return {
    pending,
    progress: `${attempts._sum.attempts ?? 0}:${calls}`,
    earliestRunAt: earliest?.runAt.getTime() ?? null,
  };
}

/**
 * Runs a worker until no job of these integrations is queued or running, retries scheduled for later included. It
 * waits on the queue's state, not on a deadline that bad luck could pass; it fails only when the queue is stuck:
 * `stallMs` without an attempt or a Ploomes call while work was due.
 */
export async function drain(integrationIds: string[], options: { concurrency?: number; stallMs?: number } = {}) {
  const stallMs = options.stallMs ?? 30_000;
  const worker = startDrainWorker(options.concurrency);
  try {
    let last = await queueState(integrationIds);
    let lastChange = Date.now();
    while (last.pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const state = await queueState(integrationIds);
      if (state.pending !== last.pending || state.progress !== last.progress) lastChange = Date.now();
      const due = state.earliestRunAt === null || state.earliestRunAt <= Date.now() - stallMs;
      if (Date.now() - lastChange > stallMs && due) {
        throw new Error(
          `the queue is stuck: ${state.pending} job(s) pending, nothing attempted for ${stallMs / 1000} s`,
        );
      }
      last = state;
    }
  } finally {
    await worker.stop();
  }
}

/** Runs a worker for `ms` only (a test that expects work to be left), and says how many jobs are still pending. */
export async function drainFor(integrationIds: string[], ms: number): Promise<number> {
  const worker = startDrainWorker();
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    await worker.stop();
  }
  return (await queueState(integrationIds)).pending;
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
