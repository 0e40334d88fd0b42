import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { readDraftSettings } from "./read-draft-settings";
import { isSilent } from "./silence-alert";

/** What the activation screen says about an integration's health: last event, last check, flag and silence. */
export async function loadHealthStatus(db: ScopedDb, integrationId: string, now = new Date()) {
  const row = await db.integration.findFirst({
    where: { id: String(integrationId) },
    select: { status: true, settings: true, lastEventAt: true, lastHealthAt: true, flaggedReason: true, flaggedAt: true, activatedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  const { silenceAlertHours } = readDraftSettings(row.settings);
  return {
    status: row.status,
    lastEventAt: row.lastEventAt,
    lastHealthAt: row.lastHealthAt,
    flaggedReason: row.flaggedReason,
    flaggedAt: row.flaggedAt,
    silenceAlertHours,
    silent: isSilent({ ...row, silenceAlertHours }, now),
  };
}

export type HealthStatus = Awaited<ReturnType<typeof loadHealthStatus>>;
