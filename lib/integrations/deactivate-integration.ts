import type { ScopedDb } from "@/lib/db/scoped-db";
import { changeIntegrationStatus } from "./change-integration-status";

/** Switches an integration off: its URL is forgotten (404 from now on); activating again issues a new one. */
export function deactivateIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  return changeIntegrationStatus(db, integrationId, ["active", "paused"], {
    status: "inactive",
    tokenHash: null,
    tokenCipher: null,
    tokenHint: null,
  });
}
