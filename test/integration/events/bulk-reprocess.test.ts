import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { reprocessEvent, runDueReprocessBatches, startReprocessBatch } from "@/lib/events/reprocess";
import {
  deliver,
  drain,
  eventsOf,
  sandboxRecords,
  setupSandboxIntegration,
  distinctChats,
} from "../../helpers/sandbox-integration";
import { seedAccount, seedIntegration, seedEvent } from "../../helpers/seed";
import { serveTestServer } from "../../helpers/serve-test-server";

const server = serveTestServer();

const chats = (count: number, offset: number) =>
  distinctChats(count, offset, { chatId: 810000, email: "lote", phone: 20000000 });

/** A lead integration whose chats all failed for good: Ploomes refused the key, then the key came back. */
async function failedChats(count: number, offset: number) {
  const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
  const tenant = await systemDb.sandboxTenant.findUniqueOrThrow({ where: { id: setup.tenantId } });
  await systemDb.sandboxTenant.update({
    where: { id: setup.tenantId },
    data: { apiKeyHash: `rotated-${setup.tenantId}` },
  });
  for (const body of chats(count, offset)) expect((await deliver(setup.webhookUrl, body)).status).toBe(200);
  await drain([setup.integration.id]);
  const events = await eventsOf(setup.integration.id);
  expect(events.map((event) => event.status)).toEqual(Array(count).fill("failed"));
  await systemDb.sandboxTenant.update({ where: { id: setup.tenantId }, data: { apiKeyHash: tenant.apiKeyHash } });
  const admin = await systemDb.user.findFirstOrThrow({ where: { accountId: setup.account.id } });
  return { ...setup, events, db: scopedDb(setup.account.id), adminId: admin.id };
}

describe("bulk reprocess", () => {
  it("puts every failed event of a filter back in chunks, two workers at once, and each chat lands once", async () => {
    const setup = await failedChats(23, 0);
    const batch = await startReprocessBatch(setup.db, setup.adminId, {
      filters: { integration: setup.integration.id },
    });
    expect(batch).toMatchObject({ total: 23, processed: 0, status: "running" });

    // Two workers race for the same batch, five events a chunk: the lease hands each chunk to one of them.
    await Promise.all([
      runDueReprocessBatches("worker-a", { chunkSize: 5 }),
      runDueReprocessBatches("worker-b", { chunkSize: 5 }),
    ]);
    const done = await systemDb.reprocessBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(done).toMatchObject({
      status: "done",
      total: 23,
      processed: 23,
      requeued: 23,
      skipped: 0,
      leaseUntil: null,
    });
    expect(done.finishedAt).not.toBeNull();
    const queued = await systemDb.job.findMany({ where: { event: { integrationId: setup.integration.id } } });
    expect(queued.map((job) => job.status)).toEqual(Array(23).fill("queued"));

    // Asked again before the worker ran them: nothing failed is left to put back.
    await expect(
      startReprocessBatch(setup.db, setup.adminId, { filters: { integration: setup.integration.id } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await drain([setup.integration.id]);
    const events = await eventsOf(setup.integration.id);
    expect(events.map((event) => event.status)).toEqual(Array(23).fill("done"));
    const leads = (await sandboxRecords(setup.tenantId, "Leads")).filter((lead) =>
      String(lead.Email).startsWith("lote"),
    );
    expect(leads.length).toBe(23);
    expect(new Set(leads.map((lead) => lead.Email)).size).toBe(23);
  }, 120_000);

  it("two batches over the same events and a single reprocess queue each event once", async () => {
    const setup = await failedChats(8, 100);
    const one = await startReprocessBatch(setup.db, setup.adminId, { filters: { integration: setup.integration.id } });
    const two = await startReprocessBatch(setup.db, setup.adminId, { ids: setup.events.map((event) => event.id) });
    await reprocessEvent(setup.db, setup.events[0]!.id);
    await Promise.all([
      runDueReprocessBatches("worker-a", { chunkSize: 3 }),
      runDueReprocessBatches("worker-b", { chunkSize: 2 }),
    ]);
    const batches = await systemDb.reprocessBatch.findMany({ where: { id: { in: [one.id, two.id] } } });
    expect(batches.every((batch) => batch.status === "done")).toBe(true);
    // The single reprocess took one; the two batches split the other seven between them, none twice.
    expect(batches.reduce((sum, batch) => sum + batch.requeued, 0)).toBe(7);
    for (const batch of batches) expect(batch.processed).toBe(batch.requeued + batch.skipped);

    await drain([setup.integration.id]);
    expect((await eventsOf(setup.integration.id)).map((event) => event.status)).toEqual(Array(8).fill("done"));
    const leads = (await sandboxRecords(setup.tenantId, "Leads")).filter((lead) =>
      /^lote1\d\d@/.test(String(lead.Email)),
    );
    expect(leads.length).toBe(8);
  }, 120_000);

  it("takes only the account's own failed events, matching the filter, received before the request", async () => {
    const account = await seedAccount("bulk");
    const { integration } = await seedIntegration({ accountId: account.id });
    const db = scopedDb(account.id);
    const admin = await systemDb.user.findFirstOrThrow({ where: { accountId: account.id } });
    const failed = { status: "failed", statusReason: "401" };
    const ana = await seedEvent(
      integration,
      { ...failed, visitorName: "Ana Souza" },
      { status: "failed", attempts: 1 },
    );
    const bruno = await seedEvent(
      integration,
      { ...failed, visitorName: "Bruno Lima" },
      { status: "failed", attempts: 1 },
    );
    const done = await seedEvent(
      integration,
      { status: "done", visitorName: "Ana Paula" },
      { status: "done", attempts: 1 },
    );

    const other = await seedAccount("bulk-other");
    const foreignIntegration = (await seedIntegration({ accountId: other.id })).integration;
    const foreign = await seedEvent(
      foreignIntegration,
      { ...failed, visitorName: "Ana Estranha" },
      { status: "failed", attempts: 1 },
    );

    // By hand: another account's id and a done event are not part of it.
    await expect(startReprocessBatch(db, admin.id, { ids: [foreign.id, done.id] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const byHand = await startReprocessBatch(db, admin.id, { ids: [ana.id, foreign.id, done.id] });
    expect(byHand.total).toBe(1);
    // By filter: the search narrows it, and a failure after the request is not included.
    const byFilter = await startReprocessBatch(db, admin.id, { filters: { q: "bruno" } });
    expect(byFilter.total).toBe(1);
    await seedEvent(
      integration,
      { ...failed, visitorName: "Bruno Depois", receivedAt: new Date(Date.now() + 60_000) },
      { status: "failed" },
    );

    await runDueReprocessBatches("worker-a");
    for (const [event, status] of [
      [ana, "received"],
      [bruno, "received"],
      [done, "done"],
      [foreign, "failed"],
    ] as const) {
      expect((await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe(status);
    }
    const batches = await systemDb.reprocessBatch.findMany({
      where: { accountId: account.id },
      orderBy: { createdAt: "asc" },
    });
    expect(batches.map((batch) => [batch.status, batch.requeued])).toEqual([
      ["done", 1],
      ["done", 1],
    ]);
    expect(await systemDb.reprocessBatch.count({ where: { accountId: other.id } })).toBe(0);

    await expect(startReprocessBatch(db, admin.id, { ids: [] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(startReprocessBatch(db, admin.id, { filters: { status: "done" } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
