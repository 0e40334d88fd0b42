import type { ScopedDb } from "@/lib/db/scoped-db";
import { changeIntegrationStatus } from "./change-integration-status";
import { requireIntegration } from "./find-integration";
import { readySettings } from "./ready-settings";

/** Resumes a paused integration; its settings must be complete (a step edited while live may have paused it). */
export async function resumeIntegration(db: ScopedDb, integrationId: string): Promise<void> {
  readySettings(await requireIntegration(db, integrationId));
  await changeIntegrationStatus(db, integrationId, ["paused"], { status: "active" });
}
