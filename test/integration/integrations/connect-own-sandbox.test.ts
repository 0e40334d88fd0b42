import { beforeAll, describe, expect, it, vi } from "vitest";
import { connectPloomes } from "@/lib/integrations/connect-ploomes";
import { createSandboxTenant, SANDBOX_API_PATH } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { appErrorOf, draftIntegration } from "./integration-fixtures";

// As on `npm start`: production rules for Ploomes addresses (no PLOOMES_ALLOW_PRIVATE_URLS), the app served at
// APP_URL — here the test server, which serves the sandbox like the app does.
const mocks = vi.hoisted(() => ({ overrides: {} as Record<string, unknown> }));
vi.mock("@/lib/env", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/env")>();
  const env = new Proxy(actual.env, {
    get: (target, key) => (key in mocks.overrides ? mocks.overrides[key as string] : Reflect.get(target, key)),
  });
  return { ...actual, env, appUrl: () => String(mocks.overrides.APP_URL) };
});

const server = serveTestServer();
beforeAll(() => {
  Object.assign(mocks.overrides, { NODE_ENV: "production", PLOOMES_ALLOW_PRIVATE_URLS: false, APP_URL: server.url });
});

describe("the connection step on a production server", () => {
  it("accepts the Sandbox page's address with one of the account's sandbox keys, as a sandbox connection", async () => {
    const { db, id, account } = await draftIntegration("own-sandbox");
    const { apiKey } = await createSandboxTenant({ accountId: account.id, name: "Sandbox da página" });
    const connection = await connectPloomes(db, id, { apiKey, baseUrl: `${server.url}${SANDBOX_API_PATH}/` });
    expect(connection).toMatchObject({
      isSandbox: true,
      baseUrl: `${server.url}${SANDBOX_API_PATH}`,
      ploomesAccountName: "Sandbox da página",
    });
  });

  it("refuses another account's sandbox key there, before calling it", async () => {
    const { db, id } = await draftIntegration("foreign-sandbox");
    const other = await draftIntegration("owner-of-the-key");
    const { apiKey } = await createSandboxTenant({ accountId: other.account.id, name: "Alheio" });
    expect(
      await appErrorOf(connectPloomes(db, id, { apiKey, baseUrl: `${server.url}${SANDBOX_API_PATH}` })),
    ).toMatchObject({
      code: "VALIDATION",
      fields: { apiKey: "sandboxKeyForeign" },
    });
  });

  it("still refuses every other private address, the same server under another name included", async () => {
    const { db, id, account } = await draftIntegration("private");
    const { apiKey } = await createSandboxTenant({ accountId: account.id, name: "Sandbox" });
    const port = new URL(server.url).port;
    for (const baseUrl of [
      `http://localhost:${port}${SANDBOX_API_PATH}`,
      `${server.url}/outra/api`,
      "http://10.0.0.7/sandbox/ploomes/api",
    ]) {
      expect(await appErrorOf(connectPloomes(db, id, { apiKey, baseUrl })), baseUrl).toMatchObject({
        code: "VALIDATION",
        fields: { baseUrl: "baseUrlInvalid" },
      });
    }
  });
});
