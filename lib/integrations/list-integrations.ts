import type { ScopedDb } from "@/lib/db/scoped-db";
import { integrationState } from "./integration-state";
import { readDraftSettings } from "./read-draft-settings";

/** The account's integrations as the catalogue and the connector page list them. */
export async function listIntegrations(db: ScopedDb, connector?: string) {
  const rows = await db.integration.findMany({
    where: connector ? { connector } : {},
    orderBy: { createdAt: "asc" },
    select: { id: true, connector: true, name: true, status: true, flaggedReason: true, lastEventAt: true, settings: true },
  });
  return rows.map(({ settings, ...row }) => ({
    ...row,
    state: integrationState(row),
    widgetIds: readDraftSettings(settings).widgetIds,
  }));
}

export type IntegrationListItem = Awaited<ReturnType<typeof listIntegrations>>[number];
