import { type SandboxOverview, type SandboxRecordsByEntity, buildSandboxOverview } from "./build-sandbox-overview";
import { listStoredRecords } from "./sandbox-store";

const ENTITIES = ["Contacts", "Deals", "Leads", "InteractionRecords", "Fields", "Deals@Pipelines", "Deals@Stages"] as const;

/** The Sandbox page's data for one tenant; the caller has checked that the tenant is the user's account's. */
export async function loadSandboxOverview(tenantId: string, limit = 200): Promise<SandboxOverview> {
  const lists = await Promise.all(ENTITIES.map((entity) => listStoredRecords(tenantId, entity)));
  const records = Object.fromEntries(ENTITIES.map((entity, index) => [entity, lists[index] ?? []])) as SandboxRecordsByEntity;
  return buildSandboxOverview(records, limit);
}
