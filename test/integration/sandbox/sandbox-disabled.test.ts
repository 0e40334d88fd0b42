import { describe, expect, it, vi } from "vitest";
import { handleSandboxAdminRequest, handleSandboxRequest, createSandboxTenant } from "@/lib/ploomes-sandbox";

vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: { ...original.env, SANDBOX_ENABLED: false } };
});

describe("SANDBOX_ENABLED=false", () => {
  it("answers 404 to everything, even with a valid key", async () => {
    const { apiKey } = await createSandboxTenant({ name: "Desligado" });
    const headers = { "User-Key": apiKey };
    const api = await handleSandboxRequest(new Request("http://local/sandbox/ploomes/api/Account", { headers }), [
      "Account",
    ]);
    expect(api.status).toBe(404);
    const admin = await handleSandboxAdminRequest(
      new Request("http://local/sandbox/admin/tenants/reset", { method: "POST", headers }),
      ["tenants", "reset"],
    );
    expect(admin.status).toBe(404);
  });
});
