import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { systemDb } from "@/lib/db/client";
import {
  activateIntegration,
  createIntegration,
  deactivateIntegration,
  discardDraft,
} from "@/lib/integrations/lifecycle";
import { connectPloomes } from "@/lib/integrations/connect-ploomes";
import { connectSandbox } from "@/lib/integrations/connect-sandbox";
import { saveIntegrationSettings } from "@/lib/integrations/settings";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { appErrorOf, connectedDraft, draftIntegration } from "./integration-fixtures";

const server = serveTestServer();

describe("discarding a draft", () => {
  it("deletes the draft, its connection and the sandbox 'Usar o sandbox' made for it, records included", async () => {
    const { db, id, account } = await draftIntegration("discard-sandbox");
    const connection = await connectSandbox(db, id, { sandboxUrl: server.sandboxApiUrl });
    const row = await systemDb.ploomesConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.sandboxTenantId).toEqual(expect.any(String));
    expect(await systemDb.sandboxRecord.count({ where: { tenantId: row.sandboxTenantId! } })).toBeGreaterThan(0);

    await discardDraft(db, id);
    expect(await systemDb.integration.count({ where: { id } })).toBe(0);
    expect(await systemDb.ploomesConnection.count({ where: { id: connection.id } })).toBe(0);
    expect(await systemDb.sandboxTenant.count({ where: { accountId: account.id } })).toBe(0);
    expect(await systemDb.sandboxRecord.count({ where: { tenantId: row.sandboxTenantId! } })).toBe(0);
  });

  it("keeps a sandbox it did not make (a pasted key), and one whose key another connection uses", async () => {
    const pasted = await connectedDraft(server.url, "discard-pasted");
    await discardDraft(pasted.db, pasted.id);
    expect(await systemDb.ploomesConnection.count({ where: { id: pasted.connection.id } })).toBe(0);
    expect(await systemDb.sandboxTenant.count({ where: { accountId: pasted.account.id } })).toBe(1);

    // The tenant made for one draft, whose key a second draft of the account pasted: still in use.
    const { db, account } = pasted;
    const first = await createIntegration(db, account.id);
    const made = await connectSandbox(db, first.id, { sandboxUrl: server.sandboxApiUrl });
    const tenant = (await systemDb.ploomesConnection.findUniqueOrThrow({ where: { id: made.id } })).sandboxTenantId!;
    const second = await createIntegration(db, account.id);
    const apiKey = decryptSecret(
      (await systemDb.ploomesConnection.findUniqueOrThrow({ where: { id: made.id } })).apiKeyCipher,
    );
    await connectPloomes(db, second.id, { apiKey, baseUrl: server.sandboxApiUrl });
    await discardDraft(db, first.id);
    expect(await systemDb.sandboxTenant.count({ where: { id: tenant } })).toBe(1);
    await discardDraft(db, second.id);
    expect(await systemDb.sandboxTenant.count({ where: { id: tenant } })).toBe(1);
  });

  it("refuses an integration that went live: it is deactivated instead, and its events stay", async () => {
    const { db, id } = await connectedDraft(server.url, "discard-live");
    await saveIntegrationSettings(db, id, "behaviour", { behaviour: "lead", offlineBehaviour: "same" });
    const { webhookUrl } = await activateIntegration(db, id);
    expect(await appErrorOf(discardDraft(db, id))).toMatchObject({
      code: "CONFLICT",
      fields: { _: "discardNotDraft" },
    });
    const token = webhookUrl.split("/").pop()!;
    const chat = fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8");
    await fetch(`${server.url}/api/webhooks/jivo/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chat,
    });
    await deactivateIntegration(db, id);
    expect(await appErrorOf(discardDraft(db, id))).toMatchObject({ code: "CONFLICT" });
    expect(await systemDb.webhookEvent.count({ where: { integrationId: id } })).toBe(1);
  });

  it("is another account's 'not found'", async () => {
    const owner = await draftIntegration("discard-owner");
    const stranger = await draftIntegration("discard-stranger");
    expect(await appErrorOf(discardDraft(stranger.db, owner.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await systemDb.integration.count({ where: { id: owner.id } })).toBe(1);
  });

  it("frees its name: the next draft takes the first name no integration has", async () => {
    const { db, id, account } = await draftIntegration("discard-names");
    await createIntegration(db, account.id);
    const names = async () =>
      (await systemDb.integration.findMany({ where: { accountId: account.id }, orderBy: { createdAt: "asc" } })).map(
        (row) => row.name,
      );
    expect(await names()).toEqual(["JivoChat", "JivoChat 2"]);
    await discardDraft(db, id);
    await createIntegration(db, account.id);
    await createIntegration(db, account.id);
    expect(await names()).toEqual(["JivoChat 2", "JivoChat", "JivoChat 3"]);
  });
});
