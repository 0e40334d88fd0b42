import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import {
  activateIntegration,
  deactivateIntegration,
  pauseIntegration,
  resumeIntegration,
  revealWebhookUrl,
  rotateWebhookToken,
} from "@/lib/integrations/lifecycle";
import { findIntegration } from "@/lib/integration-model/integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { loadSampleValues, listChannelSuggestions, saveIntegrationSettings } from "@/lib/integrations/settings";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { seedAccount } from "@/test/helpers/seed";
import { appErrorOf, connectedDraft } from "./integration-fixtures";

const chat = fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8");
const server = serveTestServer();

/** The token of an app URL, posted to the test server (appUrl() is not the test server's address). */
async function deliver(webhookUrl: string, body = chat) {
  const token = webhookUrl.split("/").pop()!;
  const response = await fetch(`${server.url}/api/webhooks/jivo/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** A connected lead integration (no funnel needed), ready to activate. */
async function readyIntegration(label: string) {
  const draft = await connectedDraft(server.url, label);
  await saveIntegrationSettings(draft.db, draft.id, "behaviour", { behaviour: "lead", offlineBehaviour: "same" });
  return draft;
}

describe("integration lifecycle", () => {
  it("activation stores the token hashed (plus an encrypted copy, never in clear) and its URL receives JivoChat events", async () => {
    const { db, id } = await readyIntegration("activate");
    const { webhookUrl } = await activateIntegration(db, id);
    expect(webhookUrl).toMatch(/\/api\/webhooks\/jivo\/[A-Za-z0-9_-]{32}$/);
    const token = webhookUrl.split("/").pop()!;
    const row = await systemDb.integration.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "active",
      tokenHash: hashToken(token),
      tokenHint: token.slice(-4),
      wizardStep: "activate",
    });
    expect(JSON.stringify(row)).not.toContain(token);
    // Kept encrypted as well, so an admin can copy the same URL again later.
    expect(await revealWebhookUrl(db, id)).toBe(webhookUrl);

    expect(await deliver(webhookUrl)).toEqual({ status: 200, body: { result: "ok" } });
    expect(await systemDb.webhookEvent.count({ where: { integrationId: id } })).toBe(1);
    // What arrived feeds the mapping samples and the channel suggestions.
    expect(await loadSampleValues(db, id)).toMatchObject({
      "visitor.name": "Mariana Conceição",
      "session.utm.campaign": "black_friday",
    });
    expect(await listChannelSuggestions(db, id)).toEqual(["aB3kZ9xQ1m"]);
    expect((await listIntegrations(db, "jivo")).map((item) => item.state)).toEqual(["active"]);

    // Activating twice is refused rather than silently replacing the URL.
    expect(await appErrorOf(activateIntegration(db, id))).toMatchObject({ code: "CONFLICT" });
  });

  it("a paused integration still answers 200 and keeps the event parked; resume brings it back", async () => {
    const { db, id } = await readyIntegration("pause");
    const { webhookUrl } = await activateIntegration(db, id);
    await pauseIntegration(db, id);
    expect(await deliver(webhookUrl)).toEqual({ status: 200, body: { result: "ok" } });
    expect((await systemDb.webhookEvent.findFirstOrThrow({ where: { integrationId: id } })).status).toBe("paused");
    expect(await appErrorOf(pauseIntegration(db, id))).toMatchObject({
      code: "CONFLICT",
      fields: { _: "statusConflict" },
    });
    await resumeIntegration(db, id);
    expect((await findIntegration(db, id))?.status).toBe("active");
  });

  it("'Gerar nova URL' makes the old URL answer 404 at once", async () => {
    const { db, id } = await readyIntegration("rotate");
    const first = await activateIntegration(db, id);
    expect((await deliver(first.webhookUrl)).status).toBe(200);
    const second = await rotateWebhookToken(db, id);
    expect(second.webhookUrl).not.toBe(first.webhookUrl);
    expect(await revealWebhookUrl(db, id)).toBe(second.webhookUrl);
    expect(await deliver(first.webhookUrl)).toMatchObject({ status: 404, body: { result: "error" } });
    expect((await deliver(second.webhookUrl, chat.replace("918273645", "918273646"))).status).toBe(200);
  });

  it("deactivation turns the URL into a 404; activating again issues a new one", async () => {
    const { db, id } = await readyIntegration("deactivate");
    const { webhookUrl } = await activateIntegration(db, id);
    await deactivateIntegration(db, id);
    expect((await deliver(webhookUrl)).status).toBe(404);
    expect(await systemDb.integration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "inactive",
      tokenHash: null,
      tokenCipher: null,
    });
    expect(await revealWebhookUrl(db, id)).toBeNull();
    const again = await activateIntegration(db, id);
    expect(again.webhookUrl).not.toBe(webhookUrl);
    expect((await deliver(again.webhookUrl)).status).toBe(200);
  });

  it("another account's scoped db can neither read nor change the integration", async () => {
    const { db, id } = await readyIntegration("owner");
    const { webhookUrl } = await activateIntegration(db, id);
    const before = await systemDb.integration.findUniqueOrThrow({ where: { id } });
    const intruder = scopedDb((await seedAccount("intruder")).id);

    expect(await findIntegration(intruder, id)).toBeNull();
    expect(await revealWebhookUrl(intruder, id)).toBeNull();
    expect(await intruder.integration.findMany({ where: { id } })).toEqual([]);
    expect((await intruder.integration.updateMany({ where: { id }, data: { name: "x" } })).count).toBe(0);
    // One at a time: started together, a refusal could come before its promise is awaited (an unhandled rejection).
    for (const attempt of [
      () => saveIntegrationSettings(intruder, id, "channels", { widgetIds: ["x"] }),
      () => activateIntegration(intruder, id),
      () => rotateWebhookToken(intruder, id),
      () => pauseIntegration(intruder, id),
      () => deactivateIntegration(intruder, id),
    ]) {
      expect(await appErrorOf(attempt())).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await systemDb.integration.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect((await deliver(webhookUrl)).status).toBe(200);
  });
});
