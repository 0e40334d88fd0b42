import type { ScopedDb } from "@/lib/db/scoped-db";
import { changeIntegrationStatus } from "./change-integration-status";

/** While paused, JivoChat still gets 200 and events are stored as "paused" instead of being sent to Ploomes. */
export function pauseIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  return changeIntegrationStatus(db, integrationId, ["active"], { status: "paused" });
}
