import { describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { createSandboxTenant, seedFieldKey, setSandboxFaults } from "@/lib/ploomes-sandbox";
import { cachedMetadata, clearMetadata, peekMetadata } from "@/lib/ploomes/metadata";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupSandboxIntegration,
} from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";

// Issue 11, item 5: every cached Ploomes id belongs to the key that loaded it.

const server = serveTestServer();

let seq = 0;
function offlineMessage() {
  seq += 1;
  const base = JSON.parse(fixture("offline_message"));
  return JSON.stringify({
    ...base,
    offline_message_id: 1_800_000_000_000 + seq,
    chat_id: null,
    visitor: {
      ...base.visitor,
      name: `Visitante ${seq}`,
      email: `reconnect${seq}.${Date.now()}@exemplo.com.br`,
      phone: null,
    },
  });
}

const originIds = async (tenantId: string) =>
  new Set((await sandboxRecords(tenantId, "Contacts@Origins")).map((origin) => origin.Id));

describe("reconnecting to another Ploomes account while jobs run", () => {
  it("fails no event by a stale id: each write uses ids of the account its key belongs to", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const other = await createSandboxTenant({ accountId: setup.account.id, name: `${setup.account.name} B` });
    await setSandboxFaults(setup.tenantId, { latencyMs: 40 });
    const oldClient = connectionClient(setup.connection);

    for (let n = 0; n < 20; n++) await deliver(setup.webhookUrl, offlineMessage());
    const draining = drain([setup.integration.id], { concurrency: 4 });
    await expect
      .poll(() => systemDb.webhookEvent.count({ where: { integrationId: setup.integration.id, status: "done" } }), {
        timeout: 30_000,
        interval: 20,
      })
      .toBeGreaterThanOrEqual(4);

    // "Trocar chave": the same connection now holds account B's key (as attachConnection stores it).
    await systemDb.ploomesConnection.update({
      where: { id: setup.connection.id },
      data: {
        apiKeyCipher: encryptSecret(other.apiKey),
        apiKeyLast4: other.apiKey.slice(-4),
        budgetKey: hashToken(other.apiKey),
      },
    });
    await clearMetadata(setup.connection.id);
    // A job still running with A's key stores A's origin after the clear, as it happened in the issue.
    await cachedMetadata(setup.connection.id, oldClient, "origin", { refresh: true });
    for (let n = 0; n < 20; n++) await deliver(setup.webhookUrl, offlineMessage());
    await draining;
    await drain([setup.integration.id], { concurrency: 4 });

    const events = await eventsOf(setup.integration.id);
    expect(events.filter((event) => event.status !== "done").map((event) => event.statusReason)).toEqual([]);
    expect(events).toHaveLength(40);
    // Not even a refused write: no client of B's key read A's ids.
    expect(events.flatMap((event) => event.calls).filter((call) => call.status === 400)).toEqual([]);

    const [originsA, originsB] = await Promise.all([originIds(setup.tenantId), originIds(other.tenantId)]);
    const leadsA = await sandboxRecords(setup.tenantId, "Leads");
    const leadsB = (await sandboxRecords(other.tenantId, "Leads")).filter((lead) =>
      String(lead.Email).startsWith("reconnect"),
    );
    expect(leadsB.length).toBeGreaterThanOrEqual(20);
    expect(leadsB.every((lead) => originsB.has(lead.OriginId as number))).toBe(true);
    expect(
      leadsA
        .filter((lead) => lead.OriginId !== undefined && lead.OriginId !== null)
        .every((lead) => originsA.has(lead.OriginId as number)),
    ).toBe(true);
    // The cache now holds B's origin, stamped with B's key.
    const newClient = connectionClient(
      await systemDb.ploomesConnection.findUniqueOrThrow({ where: { id: setup.connection.id } }),
    );
    expect(originsB.has((await peekMetadata(setup.connection.id, newClient, "origin"))!.Id)).toBe(true);
  }, 120_000);
});

describe("a write refused because a cached id no longer exists", () => {
  it("refreshes the cache and retries once instead of failing the event", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const client = connectionClient(setup.connection);
    const origin = await cachedMetadata(setup.connection.id, client, "origin");
    // The origin was deleted in Ploomes (or the cache holds an id from elsewhere): same key, an id that is gone.
    await systemDb.ploomesCache.update({
      where: { connectionId_kind: { connectionId: setup.connection.id, kind: "origin" } },
      data: { data: JSON.stringify({ Id: 987_654_321, Name: "JivoChat" }) },
    });
    await deliver(setup.webhookUrl, offlineMessage());
    await drain([setup.integration.id]);

    const [event] = await eventsOf(setup.integration.id);
    expect([event!.status, event!.statusReason]).toEqual(["done", null]);
    const posts = event!.calls.filter((call) => call.method === "POST" && call.path === "/Leads");
    expect(posts.map((call) => call.status)).toEqual([400, 200]);
    expect(posts[0]!.error).toMatch(/OriginId 987654321/);
    expect(event!.job!.attempts).toBe(1);
    expect((await peekMetadata(setup.connection.id, client, "origin"))!.Id).toBe(origin.Id);
    const lead = (await sandboxRecords(setup.tenantId, "Leads")).at(-1)!;
    expect(lead.OriginId).toBe(origin.Id);
  }, 60_000);

  it("a refusal that is not about a cached id fails the event at once, without a refresh", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    // A client (contact) field mapped onto the lead: the sandbox refuses the body, naming the field.
    const contactField = seedFieldKey(1, "Origem da campanha");
    await systemDb.integration.update({
      where: { id: setup.integration.id },
      data: {
        settings: JSON.stringify({
          behaviour: "lead",
          mappings: [
            { source: "visitor.email", entity: "lead", field: "Email" },
            { source: "page.url", entity: "lead", field: `custom:${contactField}` },
          ],
        }),
      },
    });
    await deliver(setup.webhookUrl, offlineMessage());
    await drain([setup.integration.id]);
    const [event] = await eventsOf(setup.integration.id);
    const posts = event!.calls.filter((call) => call.method === "POST" && call.path === "/Leads");
    expect(posts.map((call) => call.status)).toEqual([400]);
    expect(event!.status).toBe("failed");
    // No refresh either: the metadata was loaded once.
    expect(event!.calls.filter((call) => call.path.startsWith("/Fields"))).toHaveLength(3);
  }, 60_000);
});
