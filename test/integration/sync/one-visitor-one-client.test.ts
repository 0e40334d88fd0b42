import { describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import type { IntegrationSettingsInput } from "@/lib/integration-model/settings-schema";
import { seedFieldKey, setSandboxFaults } from "@/lib/ploomes-sandbox";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { cachedMetadata } from "@/lib/ploomes/metadata";
import {
  deliver,
  drain,
  eventsOf,
  fixture,
  sandboxRecords,
  setupFunnelIntegration,
} from "../../helpers/sandbox-integration";
import { serveTestServer } from "../../helpers/serve-test-server";
import { logFile, spawnWorker, stopAllChildren, stopChild } from "../../reliability/lib/child-processes";
import { LEAD_CONTACT_MAPPINGS } from "../../helpers/mappings";

// Issue 11: several chats of one new visitor, delivered together and worked off at once — by two worker
// processes (a child `npm run worker` and this test's own worker), each with 4 slots — leave one client.

const server = serveTestServer({ beforeClose: stopAllChildren });

let visitorSeq = 0;

/** A new visitor (unknown to the sandbox) and the spellings their chats come with: e-mail case and spaces, phone forms. */
function newVisitor() {
  visitorSeq += 1;
  const tag = `${Date.now().toString(36)}${visitorSeq}`;
  // A mobile whose subscriber number starts with 7: it is also typed without the 9th digit.
  const digits = String(10_000_000 + ((Date.now() + visitorSeq * 7919) % 9_000_000)).slice(-7);
  const national = `9${"7"}${digits}`; // 9 7xxx-xxxx
  const email = `cliente.${tag}@acme-${tag}.com.br`;
  const emails = [email, ` ${email.toUpperCase()} `, `Cliente.${tag}@ACME-${tag}.com.br`];
  const phones = [
    `(11) ${national.slice(0, 5)}-${national.slice(5)}`,
    `+55 11 ${national}`,
    `11${national.slice(1)}`, // without the 9th digit
    `5511${national}`,
    `(11) ${national.slice(1, 5)}-${national.slice(5)}`, // without the 9th digit, formatted
  ];
  return { email, emails, phones, name: `Cliente ${tag}`, company: `Acme ${tag} Indústria Ltda` };
}

type Visitor = ReturnType<typeof newVisitor>;

function chatOf(visitor: Visitor, n: number) {
  const base = JSON.parse(fixture("chat_finished_br"));
  return JSON.stringify({
    ...base,
    chat_id: 880_000_000 + visitorSeq * 1000 + n,
    visitor: {
      ...base.visitor,
      name: visitor.name,
      email: visitor.emails[n % visitor.emails.length],
      phone: visitor.phones[n % visitor.phones.length],
    },
    // Accents dropped in some chats: the look-up matches both spellings.
    organization: {
      id: "77",
      name: n % 3 === 2 ? visitor.company.normalize("NFD").replace(/\p{Diacritic}/gu, "") : visitor.company,
    },
  });
}

function offlineOf(visitor: Visitor, n: number) {
  const base = JSON.parse(fixture("offline_message"));
  return JSON.stringify({
    ...base,
    offline_message_id: 1_700_000_000_000 + visitorSeq * 1000 + n,
    chat_id: null,
    visitor: {
      ...base.visitor,
      name: visitor.name,
      email: visitor.emails[n % visitor.emails.length],
      phone: visitor.phones[n % visitor.phones.length],
    },
    message: `Mensagem ${n} de ${visitor.name}: quero um orçamento.`,
  });
}

async function integrationWith(settings: IntegrationSettingsInput) {
  const setup = await setupFunnelIntegration(server.url, settings);
  // Answers as slow as a real Ploomes' keep every look-up-then-create open long enough for a rival to slip in.
  await setSandboxFaults(setup.tenantId, { latencyMs: 80 });
  // Metadata loaded beforehand: every job starts its look-ups at once, none waits for the first one's loads.
  const client = connectionClient(setup.connection);
  for (const kind of ["origin", "pipelines", "fields", "users"] as const)
    await cachedMetadata(setup.connection.id, client, kind);
  return setup;
}

/** Delivers every body at once, then works the queue off with two worker processes until nothing is left. */
async function deliverTogetherAndDrain(setup: { webhookUrl: string; integration: { id: string } }, bodies: string[]) {
  const answers = await Promise.all(bodies.map((body) => deliver(setup.webhookUrl, body)));
  expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 200));
  const child = spawnWorker({ concurrency: 4, log: logFile("one-visitor-one-client-worker.log") });
  try {
    // The child works alone until it has made its first Ploomes call; then this process's worker joins it.
    await expect
      .poll(() => systemDb.ploomesCall.count({ where: { event: { integrationId: setup.integration.id } } }), {
        timeout: 30_000,
        interval: 20,
      })
      .toBeGreaterThan(0);
    await drain([setup.integration.id], { concurrency: 4 });
  } finally {
    await stopChild(child);
  }
  const events = await eventsOf(setup.integration.id);
  expect(events.map((event) => [event.status, event.statusReason])).toEqual(bodies.map(() => ["done", null]));
  return events;
}

async function clientRecords(tenantId: string, visitor: Visitor) {
  const contacts = await sandboxRecords(tenantId, "Contacts");
  const people = contacts.filter((c) => c.TypeId === 2 && String(c.Email).toLowerCase() === visitor.email);
  const companies = contacts.filter(
    (c) => c.TypeId === 1 && String(c.Name).startsWith(visitor.company.split(" ").slice(0, 2).join(" ")),
  );
  const deals = (await sandboxRecords(tenantId, "Deals")).filter((d) => people.some((p) => p.Id === d.PersonId));
  const interactions = (await sandboxRecords(tenantId, "InteractionRecords")).filter((r) =>
    people.some((p) => p.Id === r.ContactId),
  );
  return { people, companies, deals, interactions };
}

describe.each([2, 5, 20])("%i chats of one new visitor, delivered at once", (count) => {
  it("leave 1 company, 1 person, 1 open deal, and every chat's transcript on that deal", async () => {
    const setup = await integrationWith({ behaviour: "company_person_deal", avoidDuplicateDeals: true });
    const visitor = newVisitor();
    const events = await deliverTogetherAndDrain(
      setup,
      Array.from({ length: count }, (_, n) => chatOf(visitor, n)),
    );

    const { people, companies, deals, interactions } = await clientRecords(setup.tenantId, visitor);
    expect(people).toHaveLength(1);
    expect(companies).toHaveLength(1);
    expect(people[0]!.CompanyId).toBe(companies[0]!.Id);
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ StatusId: 1, PipelineId: setup.pipelineId, ContactId: companies[0]!.Id });
    // One transcript per chat, each on the deal, each carrying its own chat's tag.
    expect(interactions).toHaveLength(count);
    expect(interactions.every((record) => record.DealId === deals[0]!.Id)).toBe(true);
    for (const event of events) {
      expect(
        interactions.filter((record) => String(record.Content).includes(`/${event.chatId}]`)),
        `transcript of ${event.chatId}`,
      ).toHaveLength(1);
    }
  }, 180_000);
});

describe("a chat and an offline message of one new visitor, delivered at once", () => {
  it("leave 1 company, 1 person, 1 open deal with both conversations on it", async () => {
    const setup = await integrationWith({
      behaviour: "company_person_deal",
      avoidDuplicateDeals: true,
      offlineBehaviour: "same",
    });
    const visitor = newVisitor();
    await deliverTogetherAndDrain(setup, [offlineOf(visitor, 1), chatOf(visitor, 0)]);

    const { people, companies, deals, interactions } = await clientRecords(setup.tenantId, visitor);
    expect(people).toHaveLength(1);
    expect(companies).toHaveLength(1);
    expect(people[0]!.CompanyId).toBe(companies[0]!.Id);
    expect(deals).toHaveLength(1);
    expect(interactions).toHaveLength(2);
    expect(interactions.every((record) => record.DealId === deals[0]!.Id)).toBe(true);
  }, 120_000);
});

describe.each([2, 5, 20])(
  '%i offline messages and "Criar Lead" chats of one new visitor, delivered at once',
  (count) => {
    it("leave 1 lead, with every message recorded on it", async () => {
      const messageField = seedFieldKey(3, "Mensagem do visitante");
      const setup = await integrationWith({
        behaviour: "lead",
        mappings: [
          ...LEAD_CONTACT_MAPPINGS,
          { source: "offline.message", entity: "lead", field: `custom:${messageField}` },
        ],
      });
      const visitor = newVisitor();
      // Even ones offline messages, odd ones chats.
      const bodies = Array.from({ length: count }, (_, n) =>
        n % 2 === 0 ? offlineOf(visitor, n) : chatOf(visitor, n),
      );
      await deliverTogetherAndDrain(setup, bodies);

      const leads = (await sandboxRecords(setup.tenantId, "Leads")).filter(
        (lead) => String(lead.Email).toLowerCase() === visitor.email,
      );
      expect(leads).toHaveLength(1);
      const message = (leads[0]!.OtherProperties as { FieldKey: string; BigStringValue?: string }[] | undefined)?.find(
        (p) => p.FieldKey === messageField,
      );
      for (let n = 0; n < count; n += 2)
        expect(message?.BigStringValue, `message ${n}`).toContain(`Mensagem ${n} de ${visitor.name}`);
    }, 180_000);
  },
);
