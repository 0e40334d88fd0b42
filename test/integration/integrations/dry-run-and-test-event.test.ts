import { describe, expect, it, vi } from "vitest";
import { getServerSession } from "next-auth";
import { systemDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped-db";
import { checkHealthNow } from "@/lib/integrations/health";
import type { DryRunView, PlanItem } from "@/lib/sync/dry-run/describe-dry-run";
import { runDryRun } from "@/lib/sync/dry-run/run-dry-run";
import { runTestEvent } from "@/lib/integrations/test-event";
import { startWorker } from "@/lib/jobs/run-worker";
import { SANDBOX_SEED, seedFieldKey } from "@/lib/ploomes-sandbox";
import { processEvent, settleEvent } from "@/lib/sync/process-event";
import { createUser } from "@/lib/accounts/users";
import { checkHealthAction, dryRunAction, sendTestEventAction } from "@/app/(admin)/integrations/jivo/[id]/actions";
import { fixture, sandboxRecords, setupFunnelIntegration } from "@/test/helpers/sandbox-integration";
import { seedAccount } from "@/test/helpers/seed";
import { serveTestServer } from "@/test/helpers/serve-test-server";
import { appErrorOf } from "./integration-fixtures";
import { PERSON_COMPANY_MAPPINGS } from "../../helpers/mappings";

// The server actions read the session through next-auth; here it is whoever the test signs in.
vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const signIn = (userId: string) => vi.mocked(getServerSession).mockResolvedValue({ userId, sessionVersion: 0 });

const server = serveTestServer();

const campaign = seedFieldKey(1, "Origem da campanha");
const quantity = seedFieldKey(2, "Quantidade de itens");

/** An active sandbox integration creating company, person and deal, with custom fields mapped. */
async function configured() {
  const setup = await setupFunnelIntegration(server.url, {
    behaviour: "company_person_deal",
    mappings: [
      ...PERSON_COMPANY_MAPPINGS,
      { source: "session.utm.campaign", entity: "person", field: `custom:${campaign}` },
      // A name cannot become a number: the dry run must say so instead of failing.
      { source: "visitor.name", entity: "deal", field: `custom:${quantity}` },
    ],
  });
  return { ...setup, db: scopedDb(setup.account.id), id: setup.integration.id };
}

async function crmCounts(tenantId: string) {
  const sets = ["Contacts", "Deals", "Leads", "InteractionRecords", "Contacts@Origins"];
  return Object.fromEntries(
    await Promise.all(sets.map(async (set) => [set, (await sandboxRecords(tenantId, set)).length])),
  );
}

const find = <K extends PlanItem["kind"]>(view: DryRunView, kind: K, entity?: string) =>
  view.items.find(
    (item): item is Extract<PlanItem, { kind: K }> =>
      item.kind === kind && (!entity || ("entity" in item && item.entity === entity)),
  );

const valueOf = (item: Extract<PlanItem, { kind: "create" }> | undefined, label: string) =>
  item?.fields.find((field) => ("name" in field.label ? field.label.name : field.label.key) === label)?.value;

describe("dry run", () => {
  it("plans chat_finished_br with the saved custom mapping, names everything, and writes nothing to Ploomes", async () => {
    const setup = await configured();
    const before = await crmCounts(setup.tenantId);

    const view = await runDryRun(setup.db, setup.id, { kind: "pasted", json: fixture("chat_finished_br") });

    expect(view.items.map((item) => [item.kind, "entity" in item ? item.entity : null])).toEqual([
      ["notFound", "person"],
      ["notFound", "company"],
      ["create", "company"],
      ["create", "person"],
      ["create", "deal"],
      ["interaction", null],
    ]);
    const person = find(view, "create", "person");
    expect(valueOf(person, "Name")).toEqual({ type: "text", text: "Mariana Conceição" });
    expect(valueOf(person, "Email")).toEqual({ type: "text", text: "mariana.conceicao@acme.com.br" });
    // Custom fields by their Ploomes name, the company it joins as "the one created above".
    expect(valueOf(person, "Origem da campanha")).toEqual({ type: "text", text: "black_friday" });
    expect(valueOf(person, "company")).toEqual({
      type: "record",
      record: { entity: "company", id: expect.any(Number), href: null },
    });
    const deal = find(view, "create", "deal");
    expect(valueOf(deal, "funnel")).toEqual({ type: "text", text: "Funil de Vendas › Prospecção" });
    expect(valueOf(deal, "owner")).toEqual({ type: "text", text: "João Vendedor" });
    expect(valueOf(deal, "Title")).toEqual({ type: "text", text: "JivoChat – Mariana Conceição" });
    expect(find(view, "interaction")?.transcript).toContain("Olá! Quero um orçamento para 40 licenças.");
    expect(view.warnings).toContainEqual({
      code: "value_not_converted",
      entity: "deal",
      field: { kind: "custom", key: quantity, name: "Quantidade de itens" },
      source: "visitor.name",
      value: "Mariana Conceição",
    });
    expect(view.requests).toBeGreaterThan(0);

    expect(await crmCounts(setup.tenantId)).toEqual(before);
    expect(await systemDb.webhookEvent.count({ where: { integrationId: setup.id } })).toBe(0);
  });

  it("reuses a known person and their open deal (evitar duplicidade), linking to them", async () => {
    const setup = await configured();
    const payload = JSON.parse(fixture("chat_finished_br")) as { visitor: Record<string, unknown> };
    payload.visitor.email = SANDBOX_SEED.existingPerson.Email;

    const view = await runDryRun(setup.db, setup.id, { kind: "pasted", json: JSON.stringify(payload) });

    const found = find(view, "found", "person");
    expect(found).toMatchObject({
      how: "email",
      record: { entity: "person", href: expect.stringMatching(/^\/sandbox\?record=\d+#sandbox-contacts-\d+$/) },
    });
    const open = find(view, "openDeal");
    expect(open).toMatchObject({
      reused: true,
      title: SANDBOX_SEED.existingPerson.openDealTitle,
      record: { entity: "deal" },
    });
    expect(find(view, "create", "deal")).toBeUndefined();
    expect(find(view, "interaction")?.on).toEqual(open?.record);
  });

  it("says why a payload cannot be planned, in place", async () => {
    const setup = await configured();
    expect(await appErrorOf(runDryRun(setup.db, setup.id, { kind: "pasted", json: "{not json" }))).toMatchObject({
      fields: { _: "dryRunInvalidJson" },
    });
    expect(await appErrorOf(runDryRun(setup.db, setup.id, { kind: "pasted", json: '{"hello": 1}' }))).toMatchObject({
      fields: { _: "dryRunNotJivo" },
    });
    const ignored = await runDryRun(setup.db, setup.id, {
      kind: "pasted",
      json: '{"event_name":"client_attribute_updated","widget_id":"1","client_id":1217}',
    });
    expect(ignored).toMatchObject({ ignoredReason: "event_not_handled", items: [], requests: 0 });
    const update = await runDryRun(setup.db, setup.id, { kind: "pasted", json: fixture("client_updated") });
    expect(update).toMatchObject({ ignoredReason: "contact_update", items: [], requests: 0 });
  });

  it("is open to a member of the account through the action, and not found for another account", async () => {
    const setup = await configured();
    const member = await createUser(setup.db, {
      name: "Maria Membro",
      email: `membro-${setup.id}@example.com`,
      role: "member",
      password: "senha-segura-123",
    });
    signIn(member.id);
    const result = await dryRunAction(setup.id, { kind: "sample", name: "chat_finished" });
    expect(result).toMatchObject({ ok: true, data: { event: { visitor: "Mariana Conceição" } } });
    // The other actions on the same screen stay admin-only.
    expect(await checkHealthAction(setup.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await sendTestEventAction(setup.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const stranger = await seedAccount("outra");
    signIn(stranger.users[0]!.id);
    expect(await dryRunAction(setup.id, { kind: "sample", name: "chat_finished" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});

describe("Verificar agora", () => {
  it("flags a mapped field removed in Ploomes by its name and points at the mapping step", async () => {
    const setup = await configured();
    expect(await checkHealthNow(setup.db, setup.id)).toEqual([]);
    const field = (await sandboxRecords(setup.tenantId, "Fields")).find((candidate) => candidate.Key === campaign)!;
    await systemDb.sandboxRecord.delete({ where: { id: field.Id as number } });

    const findings = await checkHealthNow(setup.db, setup.id);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "field_missing",
        step: "mapping",
        detail: expect.stringContaining('"Origem da campanha"'),
      }),
    ]);
    const row = await systemDb.integration.findUniqueOrThrow({ where: { id: setup.id } });
    expect(row.flaggedReason).toContain('"Origem da campanha"');
    expect(row.lastHealthAt).not.toBeNull();
    await expect(checkHealthNow(scopedDb((await seedAccount("alheia")).id), setup.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("Enviar evento de teste", () => {
  it("posts the sample through the real URL and returns the records the worker created, linked", async () => {
    const setup = await configured();
    const worker = startWorker({
      handler: processEvent,
      onSettled: (job, settled, tx) => settleEvent(job.eventId, settled, tx),
      concurrency: 2,
      pollMs: 20,
      retryBaseMs: 50,
    });
    const result = await runTestEvent(setup.db, setup.id, { baseUrl: server.url }).finally(() => worker.stop());

    expect(result).toMatchObject({ httpStatus: 200, status: "done", eventId: expect.any(String) });
    expect(result.records.map((record) => [record.entity, record.how])).toEqual([
      ["company", "created"],
      ["person", "created"],
      ["deal", "created"],
    ]);
    const person = result.records.find((record) => record.entity === "person")!;
    expect(person.href).toBe(`/sandbox?record=${person.id}#sandbox-contacts-${person.id}`);
    expect((await sandboxRecords(setup.tenantId, "Contacts")).some((contact) => contact.Id === person.id)).toBe(true);
  });

  it("refuses an integration that is not active", async () => {
    const setup = await configured();
    await systemDb.integration.update({ where: { id: setup.id }, data: { status: "paused" } });
    expect(await appErrorOf(runTestEvent(setup.db, setup.id, { baseUrl: server.url }))).toMatchObject({
      fields: { _: "testEventNeedsActive" },
    });
  });
});
