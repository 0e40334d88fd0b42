import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { acquireIdentityLocks, identityLockHolders } from "@/lib/jobs/identity-locks";
import { startWorker } from "@/lib/jobs/run-worker";
import { processEvent, settleEvent } from "@/lib/sync/process-event";
import { accountScopeOf } from "@/lib/sync/identity-keys";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupFunnelIntegration,
} from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";

const scope = () => `test#${randomUUID()}`;
const lock = (accountScope: string, keys: string[], jobId: string = randomUUID(), ttlMs = 60_000) =>
  acquireIdentityLocks({ accountScope, keys, jobId, attempt: 1, ttlMs });

describe("identity locks", () => {
  it("a busy key refuses every other acquirer, and frees on release", async () => {
    const account = scope();
    const first = await lock(account, ["email:a@x.com", "phone:11987654321"]);
    expect(first).not.toBeNull();
    expect(await lock(account, ["phone:11987654321"])).toBeNull();
    await first!.release();
    const next = await lock(account, ["phone:11987654321"]);
    expect(next).not.toBeNull();
    await next!.release();
  });

  it("takes all of a job's keys or none: a refused acquirer holds nothing", async () => {
    const account = scope();
    const holder = await lock(account, ["email:a@x.com", "company:acme"]);
    expect(await lock(account, ["company:acme", "phone:5511987654321"])).toBeNull();
    // The refused one's other key was not left behind.
    const free = await lock(account, ["phone:5511987654321"]);
    expect(free).not.toBeNull();
    await Promise.all([holder!.release(), free!.release()]);
  });

  it("unrelated visitors, and the same visitor in another Ploomes account, are not blocked", async () => {
    const account = scope();
    const mariana = await lock(account, ["email:mariana@acme.com.br"]);
    const joao = await lock(account, ["email:joao@outra.com.br"]);
    const elsewhere = await lock(scope(), ["email:mariana@acme.com.br"]);
    expect([mariana, joao, elsewhere].every(Boolean)).toBe(true);
    await Promise.all([mariana, joao, elsewhere].map((lease) => lease!.release()));
  });

  it("an expired key of a dead holder is taken over; a later attempt of the same job takes its own keys at once", async () => {
    const account = scope();
    await systemDb.identityLock.create({
      data: {
        accountScope: account,
        key: "email:dead@x.com",
        holder: "dead-job:1",
        jobId: "dead-job",
        expiresAt: new Date(Date.now() - 1),
      },
    });
    const taken = await lock(account, ["email:dead@x.com"]);
    expect(taken).not.toBeNull();
    expect(await identityLockHolders(account, ["email:dead@x.com"])).not.toContain("dead-job");
    await taken!.release();

    // Job J's first attempt died holding its key (not yet expired): J's second attempt may go, nobody else.
    await lock(account, ["email:j@x.com"], "job-j");
    expect(await lock(account, ["email:j@x.com"])).toBeNull();
    const retry = await acquireIdentityLocks({
      accountScope: account,
      keys: ["email:j@x.com"],
      jobId: "job-j",
      attempt: 2,
      ttlMs: 60_000,
    });
    expect(retry).not.toBeNull();
    await retry!.release();
    expect(await identityLockHolders(account, ["email:j@x.com"])).toEqual([]);
  });

  it("a held key is renewed while its holder works, so it does not expire under it", async () => {
    const account = scope();
    const lease = await acquireIdentityLocks({
      accountScope: account,
      keys: ["email:slow@x.com"],
      jobId: "slow",
      attempt: 1,
      ttlMs: 300,
      renewMs: 50,
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await lock(account, ["email:slow@x.com"])).toBeNull();
    await lease!.release();
  });

  it("of many acquirers racing for one identity, exactly one wins", async () => {
    const account = scope();
    const leases = await Promise.all(
      Array.from({ length: 12 }, (_, n) => lock(account, [`phone:${n % 2 ? "a" : "b"}`, "email:race@x.com"])),
    );
    expect(leases.filter(Boolean)).toHaveLength(1);
    await Promise.all(leases.map((lease) => lease?.release()));
  });
});

describe("a job whose visitor is busy", () => {
  const server = serveTestServer();

  it("goes back to the queue without an attempt and without holding its worker slot; it runs once the identity frees", async () => {
    const setup = await setupFunnelIntegration(server.url, { behaviour: "person_deal" });
    const chat = (email: string, id: number) => {
      const base = JSON.parse(fixture("chat_finished_br"));
      return JSON.stringify({
        ...base,
        chat_id: id,
        visitor: { ...base.visitor, email, phone: null },
        organization: null,
      });
    };
    // Another job (of another process, say) holds Mariana's e-mail.
    const account = accountScopeOf(setup.connection);
    const other = await lock(account, ["email:mariana.busy@acme.com.br"], "other-job");
    await deliver(setup.webhookUrl, chat("Mariana.Busy@Acme.com.br", 610001));
    await deliver(setup.webhookUrl, chat("joao.livre@acme.com.br", 610002));

    // One slot only: had the waiting job slept in it, João's chat could not run.
    const worker = startWorker({
      handler: processEvent,
      onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
      concurrency: 1,
      pollMs: 20,
    });
    try {
      await expect
        .poll(async () => (await eventsOf(setup.integration.id)).find((e) => e.chatId === "610002")?.status, {
          timeout: 20_000,
        })
        .toBe("done");
      // It was tried (and put back) more than once meanwhile.
      await expect
        .poll(async () => (await eventsOf(setup.integration.id)).find((e) => e.chatId === "610001")?.statusReason, {
          timeout: 10_000,
        })
        .toMatch(/Aguardando outro evento do mesmo cliente/);
    } finally {
      await worker.stop();
    }
    const waiting = (await eventsOf(setup.integration.id)).find((e) => e.chatId === "610001")!;
    expect(waiting.status).toBe("received");
    expect(waiting.job!.status).toBe("queued");
    expect(waiting.job!.attempts).toBe(0);
    // No record written for it (the "JivoChat" origin aside, metadata any first event loads).
    expect(
      waiting.calls.filter((call) => call.method === "POST" && !call.path.startsWith("/Contacts@Origins")),
    ).toEqual([]);

    await other!.release();
    await drain([setup.integration.id]);
    const events = await eventsOf(setup.integration.id);
    expect(events.map((e) => e.status)).toEqual(["done", "done"]);
    const people = (await sandboxRecords(setup.tenantId, "Contacts")).filter(
      (c) => c.Email === "mariana.busy@acme.com.br",
    );
    expect(people).toHaveLength(1);
    expect(await systemDb.identityLock.count({ where: { accountScope: account } })).toBe(0);
  }, 60_000);
});
