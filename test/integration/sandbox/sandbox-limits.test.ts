import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { PloomesClient } from "@/lib/ploomes/client";
import { PloomesError } from "@/lib/ploomes/errors";
import { createSandboxTenant, SANDBOX_ADMIN_PATH, SANDBOX_SEED, setSandboxFaults } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "@/test/helpers/serve-test-server";

// Keys, the per-minute window, injected faults and tenant isolation, through the real client over HTTP.

const server = serveTestServer();

const clientFor = (apiKey: string) => new PloomesClient({ baseUrl: server.sandboxApiUrl, apiKey });
const tenant = (name = "Limites") => createSandboxTenant({ name });

describe("authentication", () => {
  it("answers 401 to a missing or unknown key, as Ploomes does", async () => {
    await expect(clientFor("sbx_chave-que-nao-existe").verifyKey()).rejects.toMatchObject({
      kind: "unauthorized",
      status: 401,
      retryable: false,
      ploomesMessage: "Unauthorized",
    });
    const response = await fetch(`${server.sandboxApiUrl}/Account`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { message: "Unauthorized" } });
  });

  it("stores only the key's hash", async () => {
    const { tenantId, apiKey } = await tenant();
    expect(apiKey).toMatch(/^sbx_[\w-]{32}$/);
    const row = await systemDb.sandboxTenant.findUniqueOrThrow({ where: { id: tenantId } });
    expect(JSON.stringify(row)).not.toContain(apiKey);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the limit of the minute", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { rateLimit: 3 });
    const client = clientFor(apiKey);
    for (let i = 0; i < 3; i++) await client.listUsers();
    const error = await client.listUsers().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PloomesError);
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryable: true });
    const retryAfterMs = (error as PloomesError).retryAfterMs!;
    expect(retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("lets exactly `rateLimit` of many concurrent requests through", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { rateLimit: 5 });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.sandboxApiUrl}/Users?$select=Id`, { headers: { "User-Key": apiKey } }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("opens a new window once the minute is over", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { rateLimit: 1 });
    const client = clientFor(apiKey);
    await client.listUsers();
    await expect(client.listUsers()).rejects.toMatchObject({ status: 429 });
    await systemDb.sandboxTenant.update({
      where: { id: tenantId },
      data: { windowStart: new Date(Date.now() - 61_000) },
    });
    await expect(client.listUsers()).resolves.toHaveLength(SANDBOX_SEED.users.length);
  });
});

describe("fault injection", () => {
  it("answers 500 at errorRate 1, which the client classes as retryable", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { errorRate: 1 });
    await expect(clientFor(apiKey).listUsers()).rejects.toMatchObject({ kind: "server", status: 500, retryable: true });
    await setSandboxFaults(tenantId, { errorRate: 0 });
    await expect(clientFor(apiKey).listUsers()).resolves.toHaveLength(SANDBOX_SEED.users.length);
  });

  it("answers 429 at rateLimitRate 1 and adds latency", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { rateLimitRate: 1 });
    await expect(clientFor(apiKey).listUsers()).rejects.toMatchObject({ kind: "rate_limited", retryAfterMs: 1_000 });
    await setSandboxFaults(tenantId, { rateLimitRate: 0, latencyMs: 300 });
    const started = Date.now();
    await clientFor(apiKey).listUsers();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("answers a schedule entry by entry in arrival order, then by the rates again", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { schedule: ["500", "ok", "429"] });
    const status = () =>
      fetch(`${server.sandboxApiUrl}/Users`, { headers: { "User-Key": apiKey } }).then((response) => response.status);
    expect([await status(), await status(), await status(), await status()]).toEqual([500, 200, 429, 200]);
    // A new schedule starts over; null clears it.
    await setSandboxFaults(tenantId, { schedule: ["429"] });
    await setSandboxFaults(tenantId, { schedule: null });
    expect(await status()).toBe(200);
  });

  it("gives each of concurrent requests its own schedule entry", async () => {
    const { tenantId, apiKey } = await tenant();
    await setSandboxFaults(tenantId, { schedule: Array(10).fill("500") });
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () =>
        fetch(`${server.sandboxApiUrl}/Users`, { headers: { "User-Key": apiKey } }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((code) => code === 500)).toHaveLength(10);
    expect(statuses.filter((code) => code === 200)).toHaveLength(15);
  });

  it("is set over HTTP with the tenant's key, validated", async () => {
    const { tenantId, apiKey } = await tenant();
    const put = (body: unknown, key = apiKey) =>
      fetch(`${server.url}${SANDBOX_ADMIN_PATH}/tenants/faults`, {
        method: "PUT",
        headers: { "User-Key": key, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const ok = await put({ errorRate: 0.5, rateLimitRate: 0.1, latencyMs: 20, rateLimit: 60 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      errorRate: 0.5,
      rateLimitRate: 0.1,
      latencyMs: 20,
      rateLimit: 60,
      schedule: null,
    });
    expect(await systemDb.sandboxTenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({
      errorRate: 0.5,
      rateLimit: 60,
    });

    const bad = await put({ errorRate: 2, unknown: true });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/errorRate/);
    expect((await put({ errorRate: 0 }, "sbx_errada")).status).toBe(401);
  });
});

describe("tenants", () => {
  it("keep their records apart", async () => {
    const a = clientFor((await tenant("A")).apiKey);
    const b = clientFor((await tenant("B")).apiKey);
    const created = await a.createContact({ Name: "Só do A", TypeId: 1 });
    await expect(a.findCompanyByName(["Só do A"])).resolves.toMatchObject({ Id: created.Id });
    await expect(b.findCompanyByName(["Só do A"])).resolves.toBeNull();
    await expect(b.getContact(created.Id)).resolves.toBeNull();
    // Nor can B write to A's record, or point at it.
    await expect(b.updateContact(created.Id, { Name: "Tomado" })).rejects.toMatchObject({ status: 404 });
    const person = await b.findPersonByEmail(SANDBOX_SEED.existingPerson.Email);
    await expect(b.updateContact(person!.Id, { CompanyId: created.Id })).rejects.toMatchObject({ status: 400 });
    await expect(a.getContact(created.Id)).resolves.toMatchObject({ Name: "Só do A" });
  });

  it("are reset to the seed over HTTP", async () => {
    const { apiKey } = await tenant();
    const client = clientFor(apiKey);
    await client.createContact({ Name: "Temporária", TypeId: 1 });
    const response = await fetch(`${server.url}${SANDBOX_ADMIN_PATH}/tenants/reset`, {
      method: "POST",
      headers: { "User-Key": apiKey },
    });
    expect(response.status).toBe(204);
    await expect(client.findCompanyByName(["Temporária"])).resolves.toBeNull();
    await expect(client.findPersonByEmail(SANDBOX_SEED.existingPerson.Email)).resolves.not.toBeNull();
  });

  it("hand out distinct Ids to concurrent creates", async () => {
    const client = clientFor((await tenant()).apiKey);
    const created = await Promise.all(
      Array.from({ length: 15 }, (_, i) => client.createContact({ Name: `Empresa ${i}`, TypeId: 1 })),
    );
    expect(new Set(created.map((contact) => contact.Id)).size).toBe(15);
  });
});
