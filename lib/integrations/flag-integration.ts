import { alertFlaggedNow } from "@/lib/alerts/start-alerts";
import { systemDb } from "@/lib/db/client";

/** Marks an integration as needing attention (bad key, missing stage or field…); the UI shows a banner. */
export async function flagIntegration(integrationId: string, reason: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId },
    data: { flaggedReason: reason.slice(0, 500), flaggedAt: new Date() },
  });
  // The admins hear of it now; the recovery is noticed by the next periodic evaluation (lib/alerts).
  alertFlaggedNow(integrationId);
}

export async function clearIntegrationFlag(integrationId: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId, flaggedReason: { not: null } },
    data: { flaggedReason: null, flaggedAt: null },
  });
}
