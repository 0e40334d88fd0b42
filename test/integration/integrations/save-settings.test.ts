import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { activateIntegration, resumeIntegration } from "@/lib/integrations/lifecycle";
import { findIntegration } from "@/lib/integration-model/integration";
import { loadPloomesOptions, saveIntegrationSettings } from "@/lib/integrations/settings";
import { readDraftSettings } from "@/lib/integration-model/draft-settings";
import { parseSettings } from "@/lib/integration-model/settings-schema";
import { SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { appErrorOf, connectedDraft, draftIntegration } from "./integration-fixtures";

const server = serveTestServer();

async function salesStage(db: Parameters<typeof loadPloomesOptions>[0], id: string) {
  const { pipelines } = await loadPloomesOptions(db, id);
  const pipeline = pipelines.find((candidate) => candidate.name === SANDBOX_SEED.salesPipeline.Name)!;
  return { pipelineId: pipeline.id, stageId: pipeline.stages.find((stage) => stage.name === "Prospecção")!.id };
}

const stored = async (db: Parameters<typeof findIntegration>[0], id: string) => (await findIntegration(db, id))!;

describe("saving the wizard step by step", () => {
  it("starts a draft with the default behaviour and its mappings", async () => {
    const { db, id } = await draftIntegration("defaults");
    const settings = readDraftSettings((await stored(db, id)).settings);
    expect(settings.behaviour).toBe("company_person_deal");
    expect(settings.mappings).toContainEqual({ source: "visitor.email", entity: "person", field: "Email" });
    // Offline messages become leads by default, so the lead starts mapped too.
    expect(settings.mappings).toContainEqual({ source: "visitor.name", entity: "lead", field: "PersonName" });
  });

  it("saves a deal behaviour without its funnel yet, but the funnel step needs a stage (path named)", async () => {
    const { db, id } = await connectedDraft(server.url, "stage");
    await expect(
      saveIntegrationSettings(db, id, "behaviour", { behaviour: "person_deal", offlineBehaviour: "same" }),
    ).resolves.toEqual({
      nextStep: "funnel",
      paused: false,
    });
    expect(await stored(db, id)).toMatchObject({ wizardStep: "funnel" });

    const { pipelineId } = await salesStage(db, id);
    const missingStage = await appErrorOf(saveIntegrationSettings(db, id, "funnel", { pipelineId, stageId: null }));
    expect(missingStage).toMatchObject({ code: "VALIDATION", fields: { stageId: "stageRequired" } });
    expect(readDraftSettings((await stored(db, id)).settings).pipelineId).toBeNull();

    // Activation checks the whole schema and names what is missing.
    const early = await appErrorOf(activateIntegration(db, id));
    expect(early).toMatchObject({
      code: "VALIDATION",
      fields: { pipelineId: "pipelineRequired", stageId: "stageRequired" },
    });
    expect((await stored(db, id)).status).toBe("draft");
  });

  it("stores only the step's own settings, normalised, and moves the resume point on", async () => {
    const { db, id } = await connectedDraft(server.url, "funnel");
    const { pipelineId, stageId } = await salesStage(db, id);
    const result = await saveIntegrationSettings(db, id, "funnel", {
      pipelineId: String(pipelineId),
      stageId,
      dealTitleTemplate: "  Chat {empresa}  ",
      avoidDuplicateDeals: false,
      behaviour: "lead",
    });
    expect(result.nextStep).toBe("mapping");
    const settings = readDraftSettings((await stored(db, id)).settings);
    expect(settings).toMatchObject({
      pipelineId,
      stageId,
      dealTitleTemplate: "Chat {empresa}",
      avoidDuplicateDeals: false,
      behaviour: "company_person_deal",
    });
    expect((await stored(db, id)).wizardStep).toBe("mapping");
  });

  it("saves the default owner with the behaviour, a lead's too; the funnel step no longer writes it", async () => {
    const { db, id } = await connectedDraft(server.url, "owner");
    const ana = (await loadPloomesOptions(db, id)).users.find((user) => user.email === "ana@vendas.example")!;
    const invalid = await appErrorOf(
      saveIntegrationSettings(db, id, "behaviour", { behaviour: "lead", defaultOwnerId: -1 }),
    );
    expect(invalid).toMatchObject({ code: "VALIDATION", fields: { defaultOwnerId: expect.any(String) } });

    const result = await saveIntegrationSettings(db, id, "behaviour", {
      behaviour: "lead",
      offlineBehaviour: "same",
      defaultOwnerId: String(ana.id),
      ownerFromAgent: false,
    });
    expect(result.nextStep).toBe("mapping");
    expect(readDraftSettings((await stored(db, id)).settings)).toMatchObject({
      behaviour: "lead",
      defaultOwnerId: ana.id,
      ownerFromAgent: false,
    });

    await saveIntegrationSettings(db, id, "funnel", { defaultOwnerId: 999, ownerFromAgent: true });
    expect(readDraftSettings((await stored(db, id)).settings)).toMatchObject({
      defaultOwnerId: ana.id,
      ownerFromAgent: false,
    });
  });

  it("offers active users and custom fields only: a suspended owner and a native field are refused", async () => {
    const { db, id } = await connectedDraft(server.url, "suspended-owner");
    const options = await loadPloomesOptions(db, id);
    const rafael = options.users.find((user) => user.email === "rafael@vendas.example")!;
    expect(rafael.suspended).toBe(true);
    expect(options.users.filter((user) => user.suspended)).toHaveLength(1);
    const keys = options.customFields.map((field) => field.key);
    expect(keys).toContain(seedFieldKey(1, "Origem da campanha"));
    for (const native of SANDBOX_SEED.nativeFields) expect(keys).not.toContain(native.Key);

    const refused = await appErrorOf(
      saveIntegrationSettings(db, id, "behaviour", { behaviour: "lead", defaultOwnerId: rafael.id }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION", fields: { defaultOwnerId: "ownerSuspended" } });
    const nativeAsCustom = await appErrorOf(
      saveIntegrationSettings(db, id, "mapping", {
        mappings: [{ source: "visitor.name", entity: "person", field: "custom:contact_name" }],
      }),
    );
    expect(nativeAsCustom).toMatchObject({ code: "VALIDATION", fields: { "mappings.0.field": "unknownTarget" } });
  });

  it("drops a stored mapping to Lead.Note, which Ploomes' Lead does not have, instead of failing the integration", async () => {
    const legacy = {
      behaviour: "lead",
      mappings: [
        { source: "visitor.name", entity: "lead", field: "PersonName" },
        { source: "offline.message", entity: "lead", field: "Note" },
      ],
    };
    expect(parseSettings(JSON.stringify(legacy)).mappings).toEqual([
      { source: "visitor.name", entity: "lead", field: "PersonName" },
    ]);
    expect(readDraftSettings(JSON.stringify(legacy)).mappings).toHaveLength(1);
  });

  it("keeps an owner stored before it moved to the behaviour step (same settings shape)", async () => {
    const { db, id } = await connectedDraft(server.url, "stored-owner");
    const before = { ...readDraftSettings((await stored(db, id)).settings), defaultOwnerId: 42, ownerFromAgent: false };
    await systemDb.integration.update({ where: { id }, data: { settings: JSON.stringify(before) } });
    // A save that names no owner (an older client, a script) leaves it as it was.
    await saveIntegrationSettings(db, id, "behaviour", { behaviour: "company_person", offlineBehaviour: "lead" });
    expect(readDraftSettings((await stored(db, id)).settings)).toMatchObject({
      behaviour: "company_person",
      defaultOwnerId: 42,
      ownerFromAgent: false,
    });
  });

  it("checks mappings against the schema and against Ploomes' custom field types", async () => {
    const { db, id } = await connectedDraft(server.url, "mapping");
    const campaign = `custom:${seedFieldKey(1, "Origem da campanha")}`;
    const employees = `custom:${seedFieldKey(1, "Número de funcionários")}`;

    const duplicate = await appErrorOf(
      saveIntegrationSettings(db, id, "mapping", {
        mappings: [
          { source: "visitor.name", entity: "person", field: "Name" },
          { source: "organization.name", entity: "person", field: "Name" },
          { source: "visitor.email", entity: "person", field: "Nickname" },
        ],
      }),
    );
    expect(duplicate).toMatchObject({
      fields: { "mappings.1.field": "duplicateTarget", "mappings.2.field": "unknownTarget" },
    });

    const wrongType = await appErrorOf(
      saveIntegrationSettings(db, id, "mapping", {
        mappings: [
          { source: "visitor.email", entity: "person", field: employees },
          {
            source: "session.utm.campaign",
            entity: "company",
            field: "custom:contact_00000000-0000-0000-0000-000000000000",
          },
        ],
      }),
    );
    expect(wrongType).toMatchObject({
      fields: { "mappings.0.field": "typeMismatch", "mappings.1.field": "unknownTarget" },
    });

    await saveIntegrationSettings(db, id, "mapping", {
      mappings: [
        { source: "visitor.name", entity: "person", field: "Name" },
        { source: "session.utm.campaign", entity: "person", field: campaign },
      ],
      writeTranscript: false,
    });
    expect(readDraftSettings((await stored(db, id)).settings)).toMatchObject({
      mappings: [
        { source: "visitor.name", entity: "person", field: "Name" },
        { source: "session.utm.campaign", entity: "person", field: campaign },
      ],
      writeTranscript: false,
    });
  });

  it("a behaviour change keeps the mappings that still apply and fills in the new records' defaults", async () => {
    const { db, id } = await connectedDraft(server.url, "fit");
    await saveIntegrationSettings(db, id, "behaviour", { behaviour: "lead", offlineBehaviour: "same" });
    const settings = readDraftSettings((await stored(db, id)).settings);
    expect(new Set(settings.mappings.map((mapping) => mapping.entity))).toEqual(new Set(["lead"]));
    expect((await saveIntegrationSettings(db, id, "channels", { widgetIds: ["aB3kZ9xQ1m"] })).nextStep).toBe(
      "activate",
    );
    // A lead behaviour has no funnel step: the draft is complete without one.
    await expect(activateIntegration(db, id)).resolves.toMatchObject({
      webhookUrl: expect.stringContaining("/api/webhooks/jivo/"),
    });
    expect(parseSettings((await stored(db, id)).settings).widgetIds).toEqual(["aB3kZ9xQ1m"]);
  });

  it("pauses a live integration whose edited settings became incomplete, and will not resume it so", async () => {
    const { db, id } = await connectedDraft(server.url, "live");
    await saveIntegrationSettings(db, id, "behaviour", { behaviour: "company_person", offlineBehaviour: "same" });
    await activateIntegration(db, id);
    const result = await saveIntegrationSettings(db, id, "behaviour", { behaviour: "company_person_deal" });
    expect(result).toEqual({ nextStep: "funnel", paused: true });
    expect((await stored(db, id)).status).toBe("paused");
    expect(await appErrorOf(resumeIntegration(db, id))).toMatchObject({ fields: { stageId: "stageRequired" } });

    await saveIntegrationSettings(db, id, "funnel", await salesStage(db, id));
    await resumeIntegration(db, id);
    expect((await systemDb.integration.findUnique({ where: { id } }))?.status).toBe("active");
  });
});
