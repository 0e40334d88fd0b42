import type { ScopedDb } from "@/lib/db/scoped-db";
import { readDraftSettings } from "@/lib/integration-model/draft-settings";
import { integrationState } from "@/lib/integration-model/integration";

// The integrations of the account, and the connectors the app offers.

/** The account's integrations as the catalogue and the connector page list them. */
export async function listIntegrations(db: ScopedDb, connector?: string) {
  const rows = await db.integration.findMany({
    where: connector ? { connector } : {},
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      connector: true,
      name: true,
      status: true,
      flaggedReason: true,
      lastEventAt: true,
      settings: true,
    },
  });
  return rows.map(({ settings, ...row }) => ({
    ...row,
    state: integrationState(row),
    widgetIds: readDraftSettings(settings).widgetIds,
  }));
}

export type IntegrationListItem = Awaited<ReturnType<typeof listIntegrations>>[number];

// The catalogue is data: a new connector is one more entry here (with its messages under
// "integrations.connectors.<id>") and its own pages under /integrations/<id>.
export const CONNECTORS = [{ id: "jivo", href: "/integrations/jivo", initials: "J" }] as const;

export type Connector = (typeof CONNECTORS)[number];
