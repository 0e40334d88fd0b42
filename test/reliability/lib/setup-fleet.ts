import { randomUUID } from "node:crypto";
import { systemDb } from "@/lib/db/client";
import { setSandboxFaults, type SandboxFaults } from "@/lib/ploomes-sandbox";
import { setupFunnelIntegration } from "../../helpers/sandbox-integration";

export type FleetMember = {
  index: number;
  accountId: string;
  integrationId: string;
  connectionId: string;
  /** The pacing budget's key (the hash of the Ploomes key), shared by every process that calls this account. */
  budgetKey: string;
  tenantId: string;
  webhookUrl: string;
  /** Its Ploomes key is refused (401): every event it queues must fail at once, visibly, and create nothing. */
  doomed: boolean;
  /** Records the tenant held before the run (its seed): never counted as created by the hub. */
  seedRecordIds: Set<number>;
};

// Far above the run's own pacing budget: the sandbox's per-minute window must not be what fails the chats;
// injected 429s (rateLimitRate) stand for Ploomes' bursts instead.
const SANDBOX_WINDOW = 100_000;

/**
 * Several accounts, each with its own sandbox tenant (so its own pacing budget and rate-limit window) and an
 * active "company + person + deal" integration; the last `doomed` ones have their key revoked in the sandbox.
 * Faults are switched on only once everything is set up.
 */
export async function setupFleet(
  serverUrl: string,
  options: { healthy: number; doomed: number; faults: SandboxFaults },
): Promise<FleetMember[]> {
  const members: FleetMember[] = [];
  for (let index = 0; index < options.healthy + options.doomed; index++) {
    const setup = await setupFunnelIntegration(serverUrl, { behaviour: "company_person_deal" });
    await setSandboxFaults(setup.tenantId, { rateLimit: SANDBOX_WINDOW });
    const doomed = index >= options.healthy;
    if (doomed)
      await systemDb.sandboxTenant.update({
        where: { id: setup.tenantId },
        data: { apiKeyHash: `revoked-${randomUUID()}` },
      });
    else await setSandboxFaults(setup.tenantId, options.faults);
    const seed = await systemDb.sandboxRecord.findMany({ where: { tenantId: setup.tenantId }, select: { id: true } });
    members.push({
      index,
      accountId: setup.account.id,
      integrationId: setup.integration.id,
      connectionId: setup.connection.id,
      budgetKey: setup.connection.budgetKey,
      tenantId: setup.tenantId,
      webhookUrl: setup.webhookUrl,
      doomed,
      seedRecordIds: new Set(seed.map((row) => row.id)),
    });
  }
  return members;
}
