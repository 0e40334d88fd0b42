import type { ScopedDb } from "@/lib/db/scoped-db";
import { readDraftSettings } from "./read-draft-settings";
import { isSilent } from "./silence-alert";

/** The account's active integrations of a connector that received nothing for longer than their alert, with that threshold. */
export async function listSilentIntegrations(db: ScopedDb, connector: string, now = new Date()): Promise<Map<string, number>> {
  const rows = await db.integration.findMany({
    where: { connector, status: "active" },
    select: { id: true, status: true, settings: true, lastEventAt: true, activatedAt: true },
  });
  const silent = new Map<string, number>();
  for (const row of rows) {
    const { silenceAlertHours } = readDraftSettings(row.settings);
    if (isSilent({ ...row, silenceAlertHours }, now)) silent.set(row.id, silenceAlertHours);
  }
  return silent;
}
