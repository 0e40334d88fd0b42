import { describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { connectPloomes } from "@/lib/integrations/connect-ploomes";
import { connectSandbox } from "@/lib/integrations/connect-sandbox";
import { findIntegration } from "@/lib/integration-model/integration";
import { createSandboxTenant, SANDBOX_API_PATH } from "@/lib/ploomes-sandbox";
import { startTestServer } from "@/test/helpers/test-server";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { appErrorOf, connectedDraft, draftIntegration } from "./integration-fixtures";

const server = serveTestServer();

describe("connecting an integration to Ploomes", () => {
  it("verifies a good key, then stores it encrypted with its last 4, budget key and the Ploomes account name", async () => {
    const { db, id, apiKey, account } = await connectedDraft(server.url, "good");
    const stored = await systemDb.ploomesConnection.findMany({ where: { accountId: account.id } });
    expect(stored).toHaveLength(1);
    const connection = stored[0]!;
    expect(connection.apiKeyCipher).not.toContain(apiKey);
    expect(decryptSecret(connection.apiKeyCipher)).toBe(apiKey);
    expect(connection).toMatchObject({
      apiKeyLast4: apiKey.slice(-4),
      budgetKey: hashToken(apiKey),
      baseUrl: server.sandboxApiUrl,
      ploomesAccountName: "Ploomes good",
      isSandbox: false,
    });
    expect(connection.verifiedAt).toBeInstanceOf(Date);

    const view = await findIntegration(db, id);
    expect(view).toMatchObject({ connectionId: connection.id, wizardStep: "behaviour" });
    // What screens read never carries the key, not even encrypted.
    expect(JSON.stringify(view)).not.toContain(connection.apiKeyCipher);
    expect(view?.connection).not.toHaveProperty("apiKeyCipher");
  });

  it("refuses a key Ploomes answers 401 to, in plain words, and saves nothing", async () => {
    const { db, id, account } = await draftIntegration("refused");
    const attempt = connectPloomes(db, id, {
      apiKey: "sbx_not-a-real-key-000000000000",
      baseUrl: server.sandboxApiUrl,
    });
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION",
      // The screens say it from the key, in the reader's language (test/unit/error-messages.test.ts).
      fields: { _: "keyRefused401" },
    });
    expect(await systemDb.ploomesConnection.count({ where: { accountId: account.id } })).toBe(0);
    expect(await findIntegration(db, id)).toMatchObject({ connectionId: null, wizardStep: "connection" });
  });

  it("says Ploomes could not be reached when nothing answers at the address", async () => {
    const closed = await startTestServer();
    await closed.close();
    const { db, id, account } = await draftIntegration("unreachable");
    const attempt = connectPloomes(db, id, {
      apiKey: "sbx_whatever-key-0000000000000000",
      baseUrl: `${closed.url}${SANDBOX_API_PATH}`,
    });
    await expect(attempt).rejects.toMatchObject({ code: "UPSTREAM", fields: { _: "ploomesUnreachable" } });
    expect(await systemDb.ploomesConnection.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("rejects a malformed key or address before calling anyone", async () => {
    const { db, id } = await draftIntegration("malformed");
    expect(await appErrorOf(connectPloomes(db, id, { apiKey: "chave com espaço", baseUrl: "" }))).toMatchObject({
      code: "VALIDATION",
      fields: { apiKey: "apiKeyInvalid" },
    });
    expect(await appErrorOf(connectPloomes(db, id, { apiKey: "abc123", baseUrl: "ftp://ploomes" }))).toMatchObject({
      code: "VALIDATION",
      fields: { baseUrl: "baseUrlInvalid" },
    });
  });

  it("'Trocar chave' replaces the key of the same connection and forgets its cached metadata", async () => {
    const { db, id, account, connection } = await connectedDraft(server.url, "swap");
    await systemDb.ploomesCache.create({ data: { connectionId: connection.id, kind: "pipelines", data: "[]" } });
    const { apiKey: newKey } = await createSandboxTenant({ accountId: account.id, name: "Outra conta" });
    await connectPloomes(db, id, { apiKey: newKey, baseUrl: server.sandboxApiUrl });
    const stored = await systemDb.ploomesConnection.findMany({ where: { accountId: account.id } });
    expect(stored.map((row) => [row.id, row.apiKeyLast4, row.ploomesAccountName])).toEqual([
      [connection.id, newKey.slice(-4), "Outra conta"],
    ]);
    expect(await systemDb.ploomesCache.count({ where: { connectionId: connection.id } })).toBe(0);
  });

  it("'Usar o sandbox' creates a tenant for the account and connects to it in one step", async () => {
    const { db, id, account } = await draftIntegration("sandbox");
    const connection = await connectSandbox(db, id, { sandboxUrl: server.sandboxApiUrl });
    expect(connection).toMatchObject({ isSandbox: true, baseUrl: server.sandboxApiUrl });
    expect(await systemDb.sandboxTenant.count({ where: { accountId: account.id } })).toBe(1);
    expect((await findIntegration(db, id))?.connection?.id).toBe(connection.id);
  });
});
