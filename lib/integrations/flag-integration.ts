import { systemDb } from "@/lib/db/client";

/** Marks an integration as needing attention (bad key, missing stage or field…); the UI shows a banner. */
export async function flagIntegration(integrationId: string, reason: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId },
    data: { flaggedReason: reason.slice(0, 500), flaggedAt: new Date() },
  });
}

export async function clearIntegrationFlag(integrationId: string): Promise<void> {
  await systemDb.integration.updateMany({
    where: { id: integrationId, flaggedReason: { not: null } },
    data: { flaggedReason: null, flaggedAt: null },
  });
}
