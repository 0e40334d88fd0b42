import { systemDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { requireIntegration } from "./find-integration";

/**
 * "Descartar rascunho": deletes a draft with its connection and the sandbox tenant "Usar o sandbox" created for
 * it. Only a draft that never received an event: an integration that went live is deactivated instead, and its
 * event log stays. Each delete is conditional, so a draft activated meanwhile, a connection another integration
 * uses, or a tenant some other connection holds a key of is left alone.
 */
export async function discardDraft(db: ScopedDb, integrationId: string): Promise<void> {
  const integration = await requireIntegration(db, integrationId);
  const notDraft = () =>
    new AppError("CONFLICT", "Only a draft can be discarded: deactivate the integration instead (its event log stays).", {
      fields: { _: "discardNotDraft" },
    });
  if (integration.status !== "draft") throw notDraft();
  const connection = integration.connectionId
    ? await db.ploomesConnection.findFirst({ where: { id: integration.connectionId }, select: { id: true, sandboxTenantId: true } })
    : null;

  const { count } = await db.integration.deleteMany({ where: { id: integration.id, status: "draft", events: { none: {} } } });
  if (count === 0) throw notDraft();
  if (!connection) return;
  const dropped = await db.ploomesConnection.deleteMany({ where: { id: connection.id, integrations: { none: {} } } });
  if (dropped.count === 0 || !connection.sandboxTenantId) return;

  const tenant = await db.sandboxTenant.findFirst({ where: { id: connection.sandboxTenantId }, select: { id: true, apiKeyHash: true } });
  if (!tenant) return;
  // Its key may have been pasted into another connection (the Sandbox page shows the address): counted across
  // accounts, since a key is not scoped; only the count is read.
  if ((await systemDb.ploomesConnection.count({ where: { budgetKey: tenant.apiKeyHash } })) > 0) return;
  await db.sandboxTenant.deleteMany({ where: { id: tenant.id } });
}
