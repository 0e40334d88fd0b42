// Imports the app's database client: import this module dynamically, after benchDatabase() has set the env.
import { systemDb } from "@/lib/db/client";
import type { Behaviour } from "@/lib/integration-model/settings-schema";
import { setSandboxFaults } from "@/lib/ploomes-sandbox";
import { setupSandboxIntegration } from "../../test/helpers/sandbox-integration";
import { seedIntegration } from "../../test/helpers/seed";

/**
 * One account, one sandbox tenant and one connection (so one Ploomes budget), with an active integration per
 * behaviour, all pointed at the sandbox's first funnel. `sandboxUrl` is where the app reaches the sandbox; the
 * integrations are marked health-checked, as in a running system, so the worker's check waits its 30 minutes.
 */
export async function setupBehaviours(sandboxUrl: string, behaviours: readonly Behaviour[], rateLimit: number) {
  const setup = await setupSandboxIntegration(sandboxUrl, { behaviour: "lead" });
  const funnel = (await setup.crm.listPipelines())[0]!;
  const settingsOf = (behaviour: Behaviour) => ({
    behaviour,
    avoidDuplicateDeals: true,
    pipelineId: funnel.Id,
    stageId: funnel.Stages![0]!.Id,
  });
  const integrations: { behaviour: Behaviour; id: string; token: string }[] = [];
  for (const [index, behaviour] of behaviours.entries()) {
    if (index === 0) {
      await systemDb.integration.update({
        where: { id: setup.integration.id },
        data: { settings: JSON.stringify(settingsOf(behaviour)) },
      });
      integrations.push({ behaviour, id: setup.integration.id, token: setup.token });
      continue;
    }
    const { integration, token } = await seedIntegration({
      accountId: setup.account.id,
      connectionId: setup.connection.id,
      settings: settingsOf(behaviour),
    });
    integrations.push({ behaviour, id: integration.id, token });
  }
  await systemDb.integration.updateMany({ where: { accountId: setup.account.id }, data: { lastHealthAt: new Date() } });
  // Also starts a fresh one-minute window: the set-up's own requests do not count against the run.
  await setSandboxFaults(setup.tenantId, { rateLimit, errorRate: 0, rateLimitRate: 0, latencyMs: 0 });
  return { ...setup, integrations };
}
