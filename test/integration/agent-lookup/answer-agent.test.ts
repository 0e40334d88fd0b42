import { beforeEach, describe, expect, it, vi } from "vitest";

// A real Ploomes budget (100/min, burst cut to fit 120) rather than the suites' fast one: the look-up must get its
// calls from the interactive lane, not from a budget so large that any caller would find one free.
vi.hoisted(() => {
  Object.assign(process.env, {
    PLOOMES_BUDGET_PER_MINUTE: "100",
    PLOOMES_RATE_LIMIT_PER_MINUTE: "120",
    PLOOMES_BURST: "18",
  });
});

import { parseAgentAnswer } from "@/lib/agent-lookup/agent-answer-record";
import { clearAgentLookupCache } from "@/lib/agent-lookup/answer-agent";
import { systemDb } from "@/lib/db/client";
import { budgetShape } from "@/lib/ploomes/connection-client";
import { createDbPacer } from "@/lib/ploomes/db-pacer";
import { SANDBOX_SEED, setSandboxFaults } from "@/lib/ploomes-sandbox";
import { serveTestServer } from "../../helpers/serve-test-server";
import { deliver, fixture, sandboxRecords, setupSandboxIntegration } from "../../helpers/sandbox-integration";

const server = serveTestServer();
beforeEach(() => clearAgentLookupCache());

function acceptedFrom(email: string | null, phone: string | null, chatId = 9100) {
  const payload = JSON.parse(fixture("chat_accepted"));
  return JSON.stringify({ ...payload, chat_id: chatId, visitor: { ...payload.visitor, name: null, email, phone } });
}

/** What the event row of the integration's chat_accepted says JivoChat was told. */
async function storedAnswer(integrationId: string, chatId = "9100") {
  const event = await systemDb.webhookEvent.findFirstOrThrow({
    where: { integrationId, chatId },
    include: { calls: true },
  });
  return { record: parseAgentAnswer(event.agentAnswer), calls: event.calls, status: event.status };
}

describe("chat_accepted: the agent sees who the visitor is", () => {
  it("answers with the Ploomes client, their open deal and a link, and the event says so", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const { status, body } = await deliver(setup.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null));
    expect(status).toBe(200);
    expect(body.result).toBe("ok");
    const rows = body.custom_data as { title: string; content: string }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        { title: "Cliente no Ploomes", content: expect.stringContaining(SANDBOX_SEED.existingPerson.Name) },
        { title: "Negócio aberto", content: expect.stringContaining(SANDBOX_SEED.existingPerson.openDealTitle) },
      ]),
    );
    expect(rows.find((row) => row.title === "Negócio aberto")!.content).toContain("Funil de Vendas › Qualificação");
    expect(body.crm_link).toMatch(/\/sandbox\?record=\d+#sandbox-deals-\d+$/);
    // The visitor typed no name nor phone: Ploomes knows them (the phone only comes with $expand=Phones).
    expect(body.contact_info).toMatchObject({
      name: SANDBOX_SEED.existingPerson.Name,
      phone: SANDBOX_SEED.existingPerson.Phone,
    });
    // The event is stored, nothing was created in Ploomes, and its row tells what the agent was shown.
    expect(
      await systemDb.webhookEvent.count({ where: { integrationId: setup.integration.id, eventName: "chat_accepted" } }),
    ).toBe(1);
    const { record, calls } = await storedAnswer(setup.integration.id);
    expect(record).toMatchObject({
      shown: true,
      person: { name: SANDBOX_SEED.existingPerson.Name },
      deal: { title: SANDBOX_SEED.existingPerson.openDealTitle },
      link: body.crm_link,
      contactInfo: ["name", "phone"],
      cached: false,
    });
    // At most 4 look-up calls, logged on the event; the contact is read with its phones expanded.
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(calls.some((call) => /\$expand=.*Phones/.test(decodeURIComponent(call.path)))).toBe(true);
    expect(calls.every((call) => call.status === 200)).toBe(true);
  });

  it("finds the visitor by phone in another format", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    const { body } = await deliver(setup.webhookUrl, acceptedFrom(null, "+55 11 91234-5678"));
    expect(JSON.stringify(body.custom_data)).toContain(SANDBOX_SEED.existingPerson.Name);
  });

  it("a plain ok for an unknown visitor, or when the feature is off, and the event says why", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    expect((await deliver(setup.webhookUrl, acceptedFrom("ninguem@exemplo.com", null))).body).toEqual({ result: "ok" });
    expect((await storedAnswer(setup.integration.id)).record).toMatchObject({ shown: false, reason: "not_found" });
    expect((await deliver(setup.webhookUrl, acceptedFrom(null, null, 9103))).body).toEqual({ result: "ok" });
    expect((await storedAnswer(setup.integration.id, "9103")).record).toMatchObject({
      shown: false,
      reason: "no_contact_data",
    });
    const off = await setupSandboxIntegration(server.url, { behaviour: "lead", agentLookup: false });
    expect((await deliver(off.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9101))).body).toEqual({
      result: "ok",
    });
    expect((await storedAnswer(off.integration.id, "9101")).record).toMatchObject({
      shown: false,
      reason: "feature_off",
    });
  });

  it("a Ploomes error gets a plain ok, and the event shows the error and the call", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await setSandboxFaults(setup.tenantId, { schedule: ["500"] });
    const { body } = await deliver(setup.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9104));
    expect(body).toEqual({ result: "ok" });
    const { record, calls } = await storedAnswer(setup.integration.id, "9104");
    expect(record).toMatchObject({ shown: false, reason: "ploomes_error", error: expect.stringContaining("500") });
    expect(calls.map((call) => call.status)).toEqual([500]);
  });

  it("a slow Ploomes (5 s) gets a plain ok, told as out of time; the event is still stored", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    await setSandboxFaults(setup.tenantId, { latencyMs: 5_000 });
    const contactsBefore = (await sandboxRecords(setup.tenantId, "Contacts")).length;
    const { status, body } = await deliver(
      setup.webhookUrl,
      acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9102),
    );
    expect(status).toBe(200);
    expect(body).toEqual({ result: "ok" });
    // Out of time, not a Ploomes error: the answer gave up at its own budget, before Ploomes' 5 s.
    expect((await storedAnswer(setup.integration.id, "9102")).record).toMatchObject({
      shown: false,
      reason: "timeout",
    });
    expect(await systemDb.webhookEvent.count({ where: { integrationId: setup.integration.id } })).toBe(1);
    await setSandboxFaults(setup.tenantId, { latencyMs: 0 });
    expect((await sandboxRecords(setup.tenantId, "Contacts")).length).toBe(contactsBefore);
  });

  it("goes first while queued work of the same Ploomes account has spent every call it may take", async () => {
    const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
    // A backlog of the same account: three queued callers take every queued-lane call the budget has, for as long
    // as the test runs (at 100/min: 15 at once, then one every 600 ms — longer than a look-up call may wait).
    const shape = budgetShape();
    expect(shape).toEqual({ perMinute: 100, burst: 18, reserve: 4 });
    const backlog = createDbPacer({ key: setup.connection.budgetKey, ...shape });
    const stop = new AbortController();
    let queuedCalls = 0;
    let spent: () => void;
    const saturated = new Promise<void>((resolve) => (spent = resolve));
    const callers = Array.from({ length: 3 }, async () => {
      while (!stop.signal.aborted) {
        await backlog.acquire(stop.signal).catch(() => undefined);
        if (stop.signal.aborted) return;
        queuedCalls++;
        if (queuedCalls > shape.burst - shape.reserve + 1) spent();
      }
    });
    await saturated;
    const { body } = await deliver(setup.webhookUrl, acceptedFrom(SANDBOX_SEED.existingPerson.Email, null, 9105));
    const afterLookup = queuedCalls;
    // Queued work still gets the rest once the look-up is done.
    while (queuedCalls < afterLookup + 2) await new Promise((resolve) => setTimeout(resolve, 50));
    stop.abort(new Error("test over"));
    await Promise.all(callers);
    expect(JSON.stringify(body.custom_data)).toContain(SANDBOX_SEED.existingPerson.Name);
    expect(body.crm_link).toBeTruthy();
    expect((await storedAnswer(setup.integration.id, "9105")).record).toMatchObject({ shown: true, cached: false });
  });
});
