import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { normalizeSettings, readySettings } from "@/lib/integration-model/draft-settings";
import { requireIntegration, type IntegrationStatus } from "@/lib/integration-model/integration";
import { initialMappings } from "@/lib/integration-model/mappings";
import { newWebhookToken, webhookUrl, revealWebhookToken } from "@/lib/integration-model/webhook-token";
import { integrationNameSchema, type IntegrationNameInput } from "./form-schemas";

// Every status change of an integration: create, activate, pause, resume, deactivate, rotate or reveal its URL,
// rename, discard a draft.

/** "JivoChat", then "JivoChat 2", "JivoChat 3"…: the first name no integration of the account has (drafts get discarded). */
function firstFreeName(taken: Set<string>): string {
  if (!taken.has("JivoChat")) return "JivoChat";
  let n = 2;
  while (taken.has(`JivoChat ${n}`)) n += 1;
  return `JivoChat ${n}`;
}

/** A new draft JivoChat integration of the account, pre-filled with the default behaviour and its mappings. */
export async function createIntegration(db: ScopedDb, accountId: string): Promise<{ id: string }> {
  const named = await db.integration.findMany({ where: { connector: "jivo" }, select: { name: true } });
  const defaults = normalizeSettings({});
  const settings = { ...defaults, mappings: initialMappings(defaults) };
  return db.integration.create({
    data: {
      accountId,
      connector: "jivo",
      name: firstFreeName(new Set(named.map((row) => row.name))),
      status: "draft",
      wizardStep: "connection",
      settings: JSON.stringify(settings),
    },
    select: { id: true },
  });
}

/**
 * Moves an integration between statuses in one conditional write, so two admins clicking at once cannot, say,
 * resume an integration another just deactivated. NOT_FOUND for another account's id, CONFLICT otherwise.
 */
export async function changeIntegrationStatus(
  db: ScopedDb,
  integrationId: string,
  from: IntegrationStatus[],
  data: Prisma.IntegrationUpdateManyMutationInput,
): Promise<void> {
  const { count } = await db.integration.updateMany({
    where: { id: String(integrationId), status: { in: from } },
    data,
  });
  if (count === 1) return;
  const integration = await requireIntegration(db, integrationId);
  throw new AppError("CONFLICT", `The integration is "${integration.status}" now.`, {
    fields: { _: "statusConflict" },
    params: { status: integration.status },
  });
}

/**
 * Turns a finished draft (or a deactivated integration) on with a new webhook URL. Only the token's hash is
 * stored, so the URL returned here is the one moment it can be read in full; later it shows masked with its hint,
 * and "Gerar nova URL" issues a new one.
 */
export async function activateIntegration(db: ScopedDb, integrationId: string): Promise<{ webhookUrl: string }> {
  const integration = await requireIntegration(db, integrationId);
  const settings = readySettings(integration);
  const { token, tokenHash, tokenCipher, tokenHint } = newWebhookToken();
  await changeIntegrationStatus(db, integration.id, ["draft", "inactive"], {
    status: "active",
    tokenHash,
    tokenCipher,
    tokenHint,
    activatedAt: new Date(),
    wizardStep: "activate",
    // Stored as parsed: the worker reads exactly what was validated here.
    settings: JSON.stringify(settings),
    flaggedReason: null,
    flaggedAt: null,
  });
  return { webhookUrl: webhookUrl(token) };
}

/** While paused, JivoChat still gets 200 and events are stored as "paused" instead of being sent to Ploomes. */
export function pauseIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  return changeIntegrationStatus(db, integrationId, ["active"], { status: "paused" });
}

/** Resumes a paused integration; its settings must be complete (a step edited while live may have paused it). */
export async function resumeIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  readySettings(await requireIntegration(db, integrationId));
  await changeIntegrationStatus(db, integrationId, ["paused"], { status: "active" });
}

/** Switches an integration off: its URL is forgotten (404 from now on); activating again issues a new one. */
export function deactivateIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  return changeIntegrationStatus(db, integrationId, ["active", "paused"], {
    status: "inactive",
    tokenHash: null,
    tokenCipher: null,
    tokenHint: null,
  });
}

/** "Gerar nova URL": the old URL answers 404 from this moment on; the new one is returned once. */
export async function rotateWebhookToken(db: ScopedDb, integrationId: string): Promise<{ webhookUrl: string }> {
  const { token, tokenHash, tokenCipher, tokenHint } = newWebhookToken();
  await changeIntegrationStatus(db, integrationId, ["active", "paused"], { tokenHash, tokenCipher, tokenHint });
  return { webhookUrl: webhookUrl(token) };
}

/**
 * The full URL of a live integration, for an admin who needs to copy it again (the token is kept encrypted next
 * to its hash). Null for drafts, deactivated integrations and tokens issued before the encrypted copy existed.
 */
export async function revealWebhookUrl(db: ScopedDb, integrationId: string): Promise<string | null> {
  const row = await db.integration.findFirst({
    where: { id: String(integrationId), status: { in: ["active", "paused"] } },
    select: { tokenCipher: true },
  });
  const token = row && revealWebhookToken(row);
  return token ? webhookUrl(token) : null;
}

/** Names tell integrations apart (one per site or channel set), e.g. "JivoChat – loja". */
export async function renameIntegration(
  db: ScopedDb,
  integrationId: string,
  input: IntegrationNameInput,
): Promise<void> {
  const { name } = integrationNameSchema.parse(input);
  const integration = await requireIntegration(db, integrationId);
  await db.integration.update({ where: { id: integration.id }, data: { name } });
}

/**
 * "Descartar rascunho": deletes a draft with its connection and the sandbox tenant "Usar o sandbox" created for
 * it. Only a draft that never received an event: an integration that went live is deactivated instead, and its
 * event log stays. Each delete is conditional, so a draft activated meanwhile, a connection another integration
 * uses, or a tenant some other connection holds a key of is left alone.
 */
export async function discardDraft(db: ScopedDb, integrationId: string): Promise<void> {
  const integration = await requireIntegration(db, integrationId);
  const notDraft = () =>
    new AppError(
      "CONFLICT",
      "Only a draft can be discarded: deactivate the integration instead (its event log stays).",
      {
        fields: { _: "discardNotDraft" },
      },
    );
  if (integration.status !== "draft") throw notDraft();
  const connection = integration.connectionId
    ? await db.ploomesConnection.findFirst({
        where: { id: integration.connectionId },
        select: { id: true, sandboxTenantId: true },
      })
    : null;

  const { count } = await db.integration.deleteMany({
    where: { id: integration.id, status: "draft", events: { none: {} } },
  });
  if (count === 0) throw notDraft();
  if (!connection) return;
  const dropped = await db.ploomesConnection.deleteMany({ where: { id: connection.id, integrations: { none: {} } } });
  if (dropped.count === 0 || !connection.sandboxTenantId) return;

  const tenant = await db.sandboxTenant.findFirst({
    where: { id: connection.sandboxTenantId },
    select: { id: true, apiKeyHash: true },
  });
  if (!tenant) return;
  // Its key may have been pasted into another connection (the Sandbox page shows the address): counted across
  // accounts, since a key is not scoped; only the count is read.
  if ((await systemDb.ploomesConnection.count({ where: { budgetKey: tenant.apiKeyHash } })) > 0) return;
  await db.sandboxTenant.deleteMany({ where: { id: tenant.id } });
}
