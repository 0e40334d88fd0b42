import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { parseEventFilters } from "@/lib/events/event-filters";
import { getEventDashboard } from "@/lib/events/event-dashboard";
import { getEventDetail, listEvents, PAGE_SIZE } from "@/lib/events/event-log";
import { seedAccount, seedIntegration, seedEvent } from "../../helpers/seed";

const list = (accountId: string, params: Record<string, string> = {}) =>
  listEvents(scopedDb(accountId), parseEventFilters(params));
const ids = (result: Awaited<ReturnType<typeof list>>) => result.events.map((event) => event.id);

async function accountWithEvents() {
  const account = await seedAccount("log");
  const { integration } = await seedIntegration({ accountId: account.id });
  const { integration: other } = await seedIntegration({ accountId: account.id });
  const base = Date.parse("2026-11-20T15:00:00Z");
  const at = (hours: number) => new Date(base + hours * 3_600_000);
  const mariana = await seedEvent(integration, {
    receivedAt: at(0),
    status: "done",
    visitorName: "Mariana Conceição",
    visitorEmail: "mariana@acme.com.br",
    visitorPhone: "(11) 98765-4321",
    chatId: "918273645",
  });
  const failed = await seedEvent(integration, {
    receivedAt: at(-24),
    status: "failed",
    visitorName: "João",
    chatId: "chat-b",
  });
  const duplicate = await seedEvent(other, {
    receivedAt: at(-48),
    status: "done",
    deliveries: 3,
    visitorName: "Pedro",
    chatId: "chat-c",
  });
  const percent = await seedEvent(other, {
    receivedAt: at(-72),
    status: "ignored",
    visitorName: "Promo 50% off",
    chatId: "chat-d",
  });
  return { account, integration, other, mariana, failed, duplicate, percent };
}

describe("event log list", () => {
  it("lists the account's events newest first, with totals", async () => {
    const { account, mariana, failed, duplicate, percent } = await accountWithEvents();
    const result = await list(account.id);
    expect(ids(result)).toEqual([mariana.id, failed.id, duplicate.id, percent.id]);
    expect(result).toMatchObject({ total: 4, page: 1, pageCount: 1 });
    expect(result.events[2]!.statusView.repeatedDeliveries).toBe(2);
  });

  it("filters by status, duplicates, integration and period (São Paulo days)", async () => {
    const { account, other, mariana, failed, duplicate, percent } = await accountWithEvents();
    expect(ids(await list(account.id, { status: "failed" }))).toEqual([failed.id]);
    expect(ids(await list(account.id, { status: "duplicate" }))).toEqual([duplicate.id]);
    expect(ids(await list(account.id, { integration: other.id }))).toEqual([duplicate.id, percent.id]);
    // 2026-11-19 15:00Z is 12:00 in São Paulo on the 19th.
    expect(ids(await list(account.id, { from: "2026-11-19", to: "2026-11-19" }))).toEqual([failed.id]);
    expect(ids(await list(account.id, { from: "2026-11-19" }))).toEqual([mariana.id, failed.id]);
    expect(ids(await list(account.id, { to: "2026-11-18" }))).toEqual([duplicate.id, percent.id]);
    expect(ids(await list(account.id, { status: "failed", integration: other.id }))).toEqual([]);
  });

  it("searches visitor name, e-mail, phone and chat id, ignoring case", async () => {
    const { account, mariana, percent } = await accountWithEvents();
    for (const q of ["MARIANA", "conceição", "acme.com", "98765-4321", "91827"]) {
      expect(ids(await list(account.id, { q })), q).toEqual([mariana.id]);
    }
    expect(ids(await list(account.id, { q: "50%" }))).toEqual([percent.id]);
    expect(ids(await list(account.id, { q: "nobody-here" }))).toEqual([]);
  });

  it("pages by 50 and reports the total", async () => {
    const account = await seedAccount("pages");
    const { integration } = await seedIntegration({ accountId: account.id });
    const start = Date.parse("2026-10-01T12:00:00Z");
    await systemDb.webhookEvent.createMany({
      data: Array.from({ length: PAGE_SIZE + 10 }, (_, index) => ({
        accountId: account.id,
        integrationId: integration.id,
        eventName: "chat_finished",
        dedupeKey: `page-${index}`,
        visitorName: `Visitante ${index}`,
        receivedAt: new Date(start + index * 60_000),
      })),
    });
    const first = await list(account.id);
    const second = await list(account.id, { page: "2" });
    expect(first).toMatchObject({ total: 60, pageCount: 2 });
    expect(first.events).toHaveLength(PAGE_SIZE);
    expect(first.events[0]!.visitorName).toBe("Visitante 59");
    expect(second.events.map((event) => event.visitorName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Visitante ${9 - i}`),
    );
    expect((await list(account.id, { page: "9" })).events).toEqual([]);
  });

  it("never shows another account's events, in the list or the detail", async () => {
    const a = await accountWithEvents();
    const b = await accountWithEvents();
    const listed = await list(a.account.id, { q: "Mariana" });
    expect(ids(listed)).toEqual([a.mariana.id]);
    expect(ids(await list(a.account.id, { integration: b.integration.id }))).toEqual([]);
    expect(await getEventDetail(scopedDb(a.account.id), b.mariana.id)).toBeNull();
    expect(await getEventDetail(scopedDb(b.account.id), b.mariana.id)).not.toBeNull();
  });
});

describe("event detail", () => {
  it("shows the plan, the records, the calls in order and the pretty payload", async () => {
    const account = await seedAccount("detail");
    const { integration } = await seedIntegration({ accountId: account.id });
    const event = await seedEvent(
      integration,
      {
        status: "retrying",
        rawPayload: '{"event_name":"chat_finished","visitor":{"name":"<script>alert(1)</script>"}}',
        outcome: JSON.stringify({ person: { id: 12, how: "email", companyId: null, attempt: 1 }, deal: { id: 40 } }),
        plan: JSON.stringify([
          {
            step: "findPerson",
            attempt: 1,
            at: "2026-11-20T12:00:00.000Z",
            result: { person: { id: 12, how: "email", companyId: null, attempt: 1 } },
          },
          { step: "createDeal", attempt: 1, at: "2026-11-20T12:00:01.000Z", result: { deal: { id: 40 } } },
        ]),
        warnings: JSON.stringify([{ code: "invalid_phone", field: "Phones", value: "123" }]),
      },
      { status: "queued", attempts: 2, runAt: new Date("2026-11-20T12:10:00Z"), lastError: "500 from Ploomes" },
    );
    await systemDb.ploomesCall.createMany({
      data: [
        {
          eventId: event.id,
          method: "GET",
          path: "/Contacts?$filter=x",
          status: 200,
          durationMs: 80,
          attempt: 1,
          createdAt: new Date("2026-11-20T12:00:00Z"),
        },
        {
          eventId: event.id,
          method: "POST",
          path: "/Interactions",
          status: 500,
          durationMs: 120,
          error: "Internal",
          attempt: 2,
          createdAt: new Date("2026-11-20T12:05:00Z"),
        },
      ],
    });
    const detail = await getEventDetail(scopedDb(account.id), event.id);
    expect(detail?.plan.map((entry) => entry.line)).toEqual([
      { key: "personFoundByEmail", values: { id: 12 } },
      { key: "dealCreated", values: { id: 40 } },
    ]);
    expect(detail?.records.map((record) => `${record.entity}:${record.id}:${record.how}`)).toEqual([
      "person:12:reused",
      "deal:40:created",
    ]);
    expect(detail?.calls.map((call) => `${call.method} ${call.status}`)).toEqual(["GET 200", "POST 500"]);
    expect(detail?.warnings).toEqual([{ code: "invalid_phone", field: "Phones", value: "123" }]);
    expect(detail?.statusView.retryAt).toEqual(new Date("2026-11-20T12:10:00Z"));
    expect(detail?.job).toMatchObject({ attempts: 2, lastError: "500 from Ploomes" });
    expect(detail?.payload).toContain('\n  "visitor": {\n    "name": "<script>alert(1)</script>"');
  });
});

describe("event dashboard", () => {
  it("counts outcomes per day, the queue and flagged integrations of the account only", async () => {
    const account = await seedAccount("dash");
    const { integration } = await seedIntegration({ accountId: account.id });
    const now = new Date("2026-11-20T18:00:00Z");
    await seedEvent(integration, { status: "done", receivedAt: new Date("2026-11-20T12:00:00Z") });
    await seedEvent(integration, { status: "done", receivedAt: new Date("2026-11-19T12:00:00Z") });
    await seedEvent(
      integration,
      { status: "failed", receivedAt: new Date("2026-11-19T13:00:00Z") },
      { status: "failed" },
    );
    await seedEvent(integration, { status: "done", receivedAt: new Date("2026-09-01T12:00:00Z") });
    const waitingSince = new Date("2026-11-20T17:00:00Z");
    await seedEvent(integration, { status: "received" }, { status: "queued", createdAt: waitingSince });
    await seedEvent(integration, { status: "processing" }, { status: "running" });
    await systemDb.integration.update({
      where: { id: integration.id },
      data: { flaggedReason: "Chave recusada", flaggedAt: now },
    });
    const other = await accountWithEvents();

    const dashboard = await getEventDashboard(scopedDb(account.id), now);
    expect(dashboard.perDay).toHaveLength(30);
    expect(dashboard.perDay.at(-1)).toEqual({ day: "2026-11-20", done: 1, failed: 0 });
    expect(dashboard.perDay.at(-2)).toEqual({ day: "2026-11-19", done: 1, failed: 1 });
    expect(dashboard.processed).toBe(3);
    expect(dashboard.successRate).toBeCloseTo(2 / 3);
    expect(dashboard.queueDepth).toBe(2);
    expect(dashboard.oldestWaitingSince).toEqual(waitingSince);
    expect(dashboard.flagged).toEqual([
      { id: integration.id, name: integration.name, flaggedReason: "Chave recusada" },
    ]);
    expect((await getEventDashboard(scopedDb(other.account.id), now)).flagged).toEqual([]);
  });
});
