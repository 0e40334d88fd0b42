import { describe, expect, it } from "vitest";
import { deliverPendingAlerts } from "@/lib/alerts/deliver-alerts";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { checkIntegrationHealth } from "@/lib/integrations/health";
import { serveTestServer } from "../../helpers/serve-test-server";
import { setupSandboxIntegration } from "../../helpers/sandbox-integration";
import { seedAccount, seedIntegration } from "../../helpers/seed";

const server = serveTestServer();

async function until<T>(read: () => Promise<T | null>, maxMs = 10_000): Promise<T> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("the expected row never appeared");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("alerts without SMTP (the embedded default)", () => {
  it("a health check that finds a refused key opens the incident at once; the message is kept for the Alertas page", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await systemDb.sandboxTenant.update({
      where: { id: setup.tenantId },
      data: { apiKeyHash: `rotated-${setup.tenantId}` },
    });
    const integration = await systemDb.integration.findUniqueOrThrow({
      where: { id: setup.integration.id },
      include: { connection: true },
    });
    expect((await checkIntegrationHealth(integration)).map((problem) => problem.code)).toEqual(["key_refused"]);

    const message = await until(() => systemDb.alertMessage.findFirst({ where: { accountId: setup.account.id } }));
    expect(message).toMatchObject({ type: "opened", delivery: "stored", attempts: 0 });
    expect(message.body).toContain("O Ploomes recusou a chave da API (401)");
    expect(await deliverPendingAlerts()).toEqual({ sent: 0, failed: 0 });
    expect((await systemDb.alertMessage.findUniqueOrThrow({ where: { id: message.id } })).delivery).toBe("stored");

    const page = await listAlerts(scopedDb(setup.account.id));
    expect(page.open.map((incident) => [incident.kind, incident.integration.id])).toEqual([
      ["flagged", setup.integration.id],
    ]);
    expect(page.messages.map((m) => m.id)).toEqual([message.id]);
    // Another account sees none of it.
    const other = await seedAccount("alerts-other");
    expect(await listAlerts(scopedDb(other.id))).toEqual({ open: [], messages: [] });
  });

  it("a paused integration's incident closes without a message; a draft never alerts", async () => {
    const account = await seedAccount("alerts-pause");
    const { integration } = await seedIntegration({ accountId: account.id });
    await systemDb.integration.update({ where: { id: integration.id }, data: { flaggedReason: "Chave recusada." } });
    expect(await evaluateAlerts({ integrationId: integration.id })).toEqual({ opened: 1, resolved: 0 });
    await systemDb.integration.update({ where: { id: integration.id }, data: { status: "paused" } });
    expect(await evaluateAlerts({ integrationId: integration.id })).toEqual({ opened: 0, resolved: 1 });
    expect(await systemDb.alertMessage.count({ where: { accountId: account.id } })).toBe(1);

    const draft = (await seedIntegration({ accountId: account.id, status: "draft" })).integration;
    await systemDb.integration.update({ where: { id: draft.id }, data: { flaggedReason: "Sem conexão." } });
    expect(await evaluateAlerts({ integrationId: draft.id })).toEqual({ opened: 0, resolved: 0 });
  });
});
