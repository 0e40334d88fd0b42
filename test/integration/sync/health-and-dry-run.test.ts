import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { checkIntegrationHealth } from "@/lib/integrations/health";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { parseSettings, type IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import { seedFieldKey } from "@/lib/ploomes-sandbox";
import { dryRunEvent } from "@/lib/sync/dry-run/dry-run-event";
import { fixture, sandboxRecords, setupFunnelIntegration } from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";

const server = serveTestServer();

async function configured(settings: Partial<IntegrationSettingsInput>) {
  const setup = await setupFunnelIntegration(server.url, { behaviour: "company_person_deal", ...settings });
  const integration = await systemDb.integration.findUniqueOrThrow({
    where: { id: setup.integration.id },
    include: { connection: true },
  });
  return { ...setup, integration };
}

const campaign = () => seedFieldKey(1, "Origem da campanha");
const withCampaignMapping = (): Partial<IntegrationSettingsInput> => ({
  mappings: [
    { source: "visitor.name", entity: "person", field: "Name" },
    { source: "visitor.email", entity: "person", field: "Email" },
    { source: "session.utm.campaign", entity: "person", field: `custom:${campaign()}` },
  ],
});

describe("health check", () => {
  it("passes on a healthy integration, then flags a mapped field removed in Ploomes by its name", async () => {
    const setup = await configured(withCampaignMapping());
    expect(await checkIntegrationHealth(setup.integration)).toEqual([]);

    const field = (await sandboxRecords(setup.tenantId, "Fields")).find((f) => f.Key === campaign())!;
    // The Ploomes admin deletes the custom field (the sandbox's API, like Ploomes', cannot: it is done in its UI).
    await systemDb.sandboxRecord.delete({ where: { id: field.Id as number } });

    const problems = await checkIntegrationHealth(setup.integration);
    expect(problems.map((p) => p.code)).toEqual(["field_missing"]);
    const flagged = await systemDb.integration.findUniqueOrThrow({ where: { id: setup.integration.id } });
    expect(flagged.flaggedReason).toContain('"Origem da campanha"');
  });

  it("flags a stage that no longer exists and a refused key", async () => {
    const setup = await configured({ stageId: 999999 });
    expect((await checkIntegrationHealth(setup.integration)).map((p) => p.code)).toEqual(["stage_missing"]);
    await systemDb.sandboxTenant.update({
      where: { id: setup.tenantId },
      data: { apiKeyHash: `rotated-${setup.tenantId}` },
    });
    expect((await checkIntegrationHealth(setup.integration)).map((p) => p.code)).toEqual(["key_refused"]);
  });
});

describe("dry run", () => {
  it("shows what chat_finished_br would create, with mapped values, and writes nothing", async () => {
    const setup = await configured(withCampaignMapping());
    const parsed = parseJivoEvent(JSON.parse(fixture("chat_finished_br")));
    if (!parsed.ok) throw new Error(parsed.error);
    const before = {
      contacts: (await sandboxRecords(setup.tenantId, "Contacts")).length,
      deals: (await sandboxRecords(setup.tenantId, "Deals")).length,
    };
    const client = connectionClient(setup.integration.connection!);
    const report = await dryRunEvent(
      parsed.event,
      parseSettings(setup.integration.settings),
      setup.connection.id,
      client,
    );

    expect(report.steps.map((s) => [s.step.kind, s.simulated])).toEqual([
      ["findPerson", false],
      ["findCompany", false],
      ["createCompany", true],
      ["createPerson", true],
      ["createDeal", true],
      ["createInteraction", true],
    ]);
    const person = report.steps.find((s) => s.step.kind === "createPerson")!.step;
    expect(person).toMatchObject({
      body: { Name: "Mariana Conceição", OtherProperties: [{ FieldKey: campaign(), StringValue: "black_friday" }] },
    });
    expect(report.dealTitle).toBe("JivoChat – Mariana Conceição");
    expect((await sandboxRecords(setup.tenantId, "Contacts")).length).toBe(before.contacts);
    expect((await sandboxRecords(setup.tenantId, "Deals")).length).toBe(before.deals);
    expect(await sandboxRecords(setup.tenantId, "Contacts@Origins")).not.toContainEqual(
      expect.objectContaining({ Name: "JivoChat" }),
    );
  });
});
