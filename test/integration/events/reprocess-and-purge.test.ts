import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { purgeExpiredPayloads } from "@/lib/events/purge-expired-payloads";
import { reprocessEvent } from "@/lib/events/reprocess";
import { onJobQueued } from "@/lib/jobs/enqueue";
import { seedAccount, seedIntegration, seedEvent } from "../../helpers/seed";

const outcome = JSON.stringify({ person: { id: 12, how: "created", companyId: null, attempt: 1 } });

async function setup() {
  const account = await seedAccount("reprocess");
  const { integration } = await seedIntegration({ accountId: account.id });
  return { account, integration, db: scopedDb(account.id) };
}

describe("reprocess", () => {
  it("puts a failed event's job back in the queue now, keeping what was created", async () => {
    const { integration, db } = await setup();
    const event = await seedEvent(
      integration,
      { status: "failed", statusReason: "401", outcome, processedAt: new Date() },
      {
        status: "failed",
        attempts: 3,
        runAt: new Date("2026-01-01T00:00:00Z"),
        lastError: "401",
        createdAt: new Date("2026-01-01T00:00:00Z"),
      },
    );
    let signals = 0;
    const stop = onJobQueued(() => signals++);
    const now = new Date();
    await reprocessEvent(db, event.id, now);
    stop();

    const after = await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id }, include: { job: true } });
    expect(after).toMatchObject({ status: "received", statusReason: null, processedAt: null, outcome });
    expect(after.job).toMatchObject({
      id: event.job!.id,
      status: "queued",
      attempts: 3,
      lastError: null,
      lockedBy: null,
    });
    expect(after.job!.runAt).toEqual(now);
    expect(signals).toBe(1);
  });

  it("gives a paused event (which never had a job) a job of its chat", async () => {
    const { integration, db } = await setup();
    const event = await seedEvent(integration, {
      status: "paused",
      statusReason: "integration_paused",
      widgetId: "w9",
      chatId: "c9",
    });
    await reprocessEvent(db, event.id);
    const job = await systemDb.job.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(job).toMatchObject({ status: "queued", attempts: 0, chatKey: `${integration.id}:w9:c9` });
    expect((await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("received");
  });

  it("refuses a running job, a purged event and another account's event", async () => {
    const { integration, db } = await setup();
    const running = await seedEvent(integration, { status: "processing" }, { status: "running", lockedBy: "w1" });
    await expect(reprocessEvent(db, running.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await systemDb.job.findUniqueOrThrow({ where: { eventId: running.id } })).lockedBy).toBe("w1");

    const purged = await seedEvent(integration, { status: "done", rawPayload: null, purgedAt: new Date() });
    await expect(reprocessEvent(db, purged.id)).rejects.toMatchObject({ code: "CONFLICT" });

    const other = await setup();
    const foreign = await seedEvent(other.integration, { status: "failed" }, { status: "failed" });
    await expect(reprocessEvent(db, foreign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await systemDb.job.findUniqueOrThrow({ where: { eventId: foreign.id } })).status).toBe("failed");
  });
});

describe("purge of expired payloads (LGPD)", () => {
  it("clears payloads older than the retention only, keeping summaries and record ids", async () => {
    const { integration } = await setup();
    const now = new Date("2030-06-01T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const plan = JSON.stringify([
      {
        step: "createInteraction",
        attempt: 1,
        at: "2030-01-01T00:00:00.000Z",
        result: { interaction: { id: 5 } },
        transcript: "Olá, meu CPF é…",
      },
    ]);
    const warnings = JSON.stringify([{ code: "invalid_phone", field: "Phones", value: "+55 11 9999" }]);
    const old = await Promise.all(
      [91, 120, 365].map((days) =>
        seedEvent(integration, {
          receivedAt: daysAgo(days),
          status: "done",
          visitorName: "Ana",
          outcome,
          plan,
          warnings,
        }),
      ),
    );
    const recent = await seedEvent(integration, { receivedAt: daysAgo(89), status: "done", plan });
    // Due far in the future: no worker of another test may take (and settle) it meanwhile.
    const stillQueued = await seedEvent(
      integration,
      { receivedAt: daysAgo(200), status: "retrying" },
      { status: "queued", runAt: now },
    );

    const purged = await purgeExpiredPayloads(now, { retentionDays: 90, batchSize: 2 });
    expect(purged).toBeGreaterThanOrEqual(3);

    for (const event of old) {
      const row = await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
      expect(row).toMatchObject({ rawPayload: null, purgedAt: now, visitorName: "Ana", outcome, status: "done" });
      expect(JSON.parse(row.plan!)).toEqual([
        { step: "createInteraction", attempt: 1, at: "2030-01-01T00:00:00.000Z", result: { interaction: { id: 5 } } },
      ]);
      expect(JSON.parse(row.warnings!)).toEqual([{ code: "invalid_phone", field: "Phones" }]);
    }
    for (const event of [recent, stillQueued]) {
      const row = await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
      expect(row.purgedAt).toBeNull();
      expect(row.rawPayload).toBe(event.rawPayload);
    }
    expect((await systemDb.webhookEvent.findUniqueOrThrow({ where: { id: recent.id } })).plan).toBe(plan);
    // Nothing left to do: a second run purges nothing of these.
    expect(await purgeExpiredPayloads(now, { retentionDays: 90 })).toBe(0);
  });
});
