import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import { defaultMappings, type Behaviour } from "@/lib/integration-model/settings-schema";
import { buildRecordBodies } from "./build-record-bodies";
import { planNextStep, type PlanContext, type Step } from "./plan-next-step";
import type { SyncOutcome } from "./sync-outcome";

const fixture = (name: string) => {
  const parsed = parseJivoEvent(JSON.parse(fs.readFileSync(`test/fixtures/jivo/${name}.json`, "utf8")));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
};

function context(
  behaviour: Behaviour,
  overrides: Partial<PlanContext> = {},
  event = fixture("chat_finished_br"),
): PlanContext {
  return {
    behaviour,
    drafts: buildRecordBodies(event, defaultMappings(behaviour), new Map()),
    pipelineId: 3,
    stageId: 30,
    avoidDuplicateDeals: true,
    dealTitle: "JivoChat – Mariana Conceição",
    ownerId: 7,
    originId: 9,
    transcript: "Conversa…",
    transcriptDate: "2025-11-24T16:00:00.000Z",
    personFallbackName: "Visitante",
    transcriptMarker: "[JivoChat aB3kZ9xQ1m/918273645]",
    attempt: 1,
    ...overrides,
  };
}

/** Runs the planner against a scripted CRM: each step's answer comes from `crm`. */
function simulate(
  ctx: PlanContext,
  crm: {
    person?: { id: number; companyId?: number | null; by?: "email" | "phone" };
    company?: number;
    openDeal?: number;
  },
  start: SyncOutcome = {},
) {
  const steps: Step["kind"][] = [];
  let outcome: SyncOutcome = { ...start };
  let nextId = 100;
  for (let step = planNextStep(ctx, outcome); step; step = planNextStep(ctx, outcome)) {
    steps.push(step.kind);
    if (steps.length > 20) throw new Error("planner loops");
    const a = ctx.attempt;
    switch (step.kind) {
      case "findPerson":
        outcome.person = crm.person
          ? { id: crm.person.id, how: crm.person.by ?? "email", companyId: crm.person.companyId ?? null, attempt: a }
          : { id: null, how: "none", attempt: a };
        break;
      case "findCompany":
        outcome.company = { id: crm.company ?? null, how: crm.company ? "name" : "none", attempt: a };
        break;
      case "createCompany":
        outcome.company = { id: nextId++, how: "created", attempt: a };
        break;
      case "createPerson":
        outcome.person = { id: nextId++, how: "created", companyId: step.body.CompanyId ?? null, attempt: a };
        break;
      case "linkPerson":
        outcome.personLinked = true;
        break;
      case "findOpenDeal":
        outcome.openDeal = { id: crm.openDeal ?? null, title: "outro", attempt: a };
        break;
      case "createDeal":
        outcome.deal = { id: nextId++ };
        break;
      case "findExistingLead":
        outcome.leadLookup = { id: null, attempt: a };
        break;
      case "createLead":
        outcome.lead = { id: nextId++ };
        break;
      case "createInteraction":
        outcome.interaction = { id: nextId++ };
        break;
    }
    outcome = { ...outcome, inFlight: undefined };
  }
  return { steps, outcome };
}

describe("planNextStep", () => {
  it.each([
    [
      "company_person_deal",
      {},
      ["findPerson", "findCompany", "createCompany", "createPerson", "createDeal", "createInteraction"],
    ],
    [
      "company_person_deal",
      { person: { id: 5, companyId: 6 } },
      ["findPerson", "findOpenDeal", "createDeal", "createInteraction"],
    ],
    [
      "company_person_deal",
      { person: { id: 5, companyId: 6 }, openDeal: 40 },
      ["findPerson", "findOpenDeal", "createInteraction"],
    ],
    [
      "company_person_deal",
      { person: { id: 5, companyId: null }, company: 8 },
      ["findPerson", "findCompany", "linkPerson", "findOpenDeal", "createDeal", "createInteraction"],
    ],
    [
      "company_person_deal",
      { company: 8 },
      ["findPerson", "findCompany", "createPerson", "createDeal", "createInteraction"],
    ],
    ["person_deal", {}, ["findPerson", "createPerson", "createDeal", "createInteraction"]],
    [
      "person_deal",
      { person: { id: 5, by: "phone" } },
      ["findPerson", "findOpenDeal", "createDeal", "createInteraction"],
    ],
    ["company_person", {}, ["findPerson", "findCompany", "createCompany", "createPerson", "createInteraction"]],
    ["company_person", { person: { id: 5, companyId: 6 } }, ["findPerson", "createInteraction"]],
    ["lead", {}, ["findExistingLead", "createLead"]],
  ] as const)("%s with CRM %j → %j", (behaviour, crm, expected) => {
    expect(simulate(context(behaviour), crm).steps).toEqual(expected);
  });

  it("creates a new deal for a returning person when duplicate avoidance is off", () => {
    const { steps } = simulate(context("person_deal", { avoidDuplicateDeals: false }), {
      person: { id: 5 },
      openDeal: 40,
    });
    expect(steps).toEqual(["findPerson", "createDeal", "createInteraction"]);
  });

  it("reuses the open deal: the transcript goes to it", () => {
    const ctx = context("person_deal");
    const { outcome } = simulate(ctx, { person: { id: 5 }, openDeal: 40 });
    expect(outcome.deal).toBeUndefined();
    const interaction = planNextStep(ctx, { ...outcome, interaction: undefined });
    expect(interaction).toMatchObject({ kind: "createInteraction", body: { ContactId: 5, DealId: 40 } });
  });

  it("links the deal to company and person, in the chosen funnel and stage, with owner and origin", () => {
    const ctx = context("company_person_deal");
    const step = planNextStep(ctx, {
      person: { id: 5, how: "created", companyId: 6, attempt: 1 },
      company: { id: 6, how: "created", attempt: 1 },
    });
    expect(step).toEqual({
      kind: "createDeal",
      body: {
        Title: "JivoChat – Mariana Conceição",
        ContactId: 6,
        PersonId: 5,
        PipelineId: 3,
        StageId: 30,
        OwnerId: 7,
        OriginId: 9,
      },
    });
  });

  it("writes the person with the mapped name, e-mail and Brazilian phone, linked to the company", () => {
    const step = planNextStep(context("company_person_deal"), {
      person: { id: null, how: "none", attempt: 1 },
      company: { id: 6, how: "created", attempt: 1 },
    });
    expect(step).toMatchObject({
      kind: "createPerson",
      body: {
        Name: "Mariana Conceição",
        TypeId: 2,
        Email: "mariana.conceicao@acme.com.br",
        CompanyId: 6,
        Phones: [{ PhoneNumber: "(11) 98765-4321", CountryId: 76 }],
      },
    });
  });

  it("resumes after a lost answer: looks for the record the unanswered write may have created, redoes nothing done", () => {
    const start: SyncOutcome = {
      person: { id: null, how: "none", attempt: 1 },
      company: { id: 6, how: "created", attempt: 1 },
      inFlight: "createPerson",
    };
    // The person the crashed attempt created is found now; done steps (the company) are not repeated.
    const { steps } = simulate(
      context("company_person_deal", { attempt: 2 }),
      { person: { id: 5, companyId: 6 }, openDeal: 41 },
      start,
    );
    expect(steps).toEqual(["findPerson", "findOpenDeal", "createInteraction"]);
  });

  it("a deal whose creation answer was lost is found by its title instead of created twice", () => {
    const ctx = context("person_deal", { avoidDuplicateDeals: false });
    const start: SyncOutcome = { person: { id: 5, how: "created", attempt: 1 }, inFlight: "createDeal" };
    expect(planNextStep(ctx, start)).toEqual({ kind: "findOpenDeal", personId: 5, pipelineId: 3 });
    const found: SyncOutcome = { person: start.person, openDeal: { id: 77, title: ctx.dealTitle, attempt: 2 } };
    expect(planNextStep(ctx, found)).toMatchObject({ kind: "createInteraction", body: { DealId: 77 } });
    const other: SyncOutcome = { person: start.person, openDeal: { id: 78, title: "Outro negócio", attempt: 2 } };
    expect(planNextStep(ctx, other)).toMatchObject({ kind: "createDeal" });
  });

  it("a transcript or lead whose creation answer was lost is looked for before it is written again", () => {
    const ctx = context("person_deal");
    const done: SyncOutcome = {
      person: { id: 5, how: "created", attempt: 1 },
      deal: { id: 9 },
      inFlight: "createInteraction",
    };
    expect(planNextStep(ctx, done)).toEqual({ kind: "findInteraction", contactId: 5, marker: ctx.transcriptMarker });
    expect(planNextStep(context("lead"), { inFlight: "createLead" })).toEqual({
      kind: "findLead",
      email: "mariana.conceicao@acme.com.br",
      phones: [5511987654321, 11987654321, 551187654321, 1187654321],
      personName: "Mariana Conceição",
      companyName: "Acme Indústria Ltda",
    });
  });

  it("a failure before any write repeats no look-up", () => {
    const ctx = context("company_person_deal", { attempt: 3 });
    const start: SyncOutcome = {
      person: { id: null, how: "none", attempt: 1 },
      company: { id: null, how: "none", attempt: 1 },
    };
    expect(planNextStep(ctx, start)).toMatchObject({ kind: "createCompany" });
  });

  it("without e-mail or phone it cannot look anyone up and creates the person", () => {
    const event = fixture("chat_finished_br");
    const anonymous = { ...event, visitor: { ...event.visitor, email: null, phone: null } };
    const { steps } = simulate(context("person_deal", {}, anonymous), {});
    expect(steps).toEqual(["createPerson", "createDeal", "createInteraction"]);
  });

  describe("an answer lost without e-mail or phone to look the record up by", () => {
    const event = fixture("chat_finished_br");
    const visitor = (changes: Partial<typeof event.visitor>) => ({
      ...event,
      visitor: { ...event.visitor, ...changes },
    });
    const anonymous = visitor({ email: null, phone: null });
    const nameless = visitor({ name: null, email: null, phone: null });
    const lostPerson: SyncOutcome = { company: { id: 6, how: "created", attempt: 1 }, inFlight: "createPerson" };

    it.each([
      ["the visitor's name", anonymous, "Mariana Conceição"],
      ["the fallback name", nameless, "Visitante"],
    ])("looks the person up by %s, as sent, with the company and origin of the lost write", (_, chat, name) => {
      const ctx = context("company_person_deal", { attempt: 2 }, chat);
      expect(planNextStep(ctx, { company: lostPerson.company })).toMatchObject({
        kind: "createPerson",
        body: { Name: name, CompanyId: 6, OriginId: 9 },
      });
      expect(planNextStep(ctx, lostPerson)).toEqual({ kind: "findPersonByName", name, companyId: 6, originId: 9 });
    });

    it("reuses the person it finds, and creates one only when the look-up found none", () => {
      const ctx = context("company_person_deal", { attempt: 2 }, anonymous);
      const found = planNextStep(ctx, {
        ...lostPerson,
        inFlight: undefined,
        person: { id: 5, how: "created", companyId: 6, attempt: 2 },
      });
      expect(found).toMatchObject({ kind: "createDeal", body: { ContactId: 6, PersonId: 5 } });
      const none = planNextStep(ctx, {
        ...lostPerson,
        inFlight: undefined,
        person: { id: null, how: "none", companyId: null, attempt: 2 },
      });
      expect(none).toMatchObject({ kind: "createPerson", body: { Name: "Mariana Conceição" } });
    });

    it("with e-mail or phone the lost person is looked up by those, not by name", () => {
      expect(planNextStep(context("company_person_deal", { attempt: 2 }), lostPerson)).toMatchObject({
        kind: "findPerson",
      });
    });

    const phoneForms = [5511987654321, 11987654321, 551187654321, 1187654321];
    it.each([
      [
        "a phone-only lead by every form of its phone",
        { ...visitor({ name: null, email: null }), organizationName: null },
        { phones: phoneForms, personName: null, companyName: null },
      ],
      [
        "a lead with only a company name by that name",
        { ...nameless, organizationName: "Acme Ltda" },
        { phones: [], personName: null, companyName: "Acme Ltda" },
      ],
      [
        "an anonymous lead by the fallback name it was given",
        { ...nameless, organizationName: null },
        { phones: [], personName: "Visitante", companyName: null },
      ],
    ])("finds %s", (_, chat, keys) => {
      const ctx = context("lead", {}, chat);
      const searched = keys.phones.length > 0 ? { leadLookup: { id: null, attempt: 1 } } : {};
      expect(planNextStep(ctx, searched)).toMatchObject({
        kind: "createLead",
        body: { PersonName: keys.personName ?? undefined },
      });
      expect(planNextStep(ctx, { inFlight: "createLead" })).toEqual({ kind: "findLead", email: null, ...keys });
    });
  });

  describe("one visitor, one lead", () => {
    it("looks for the visitor's lead by e-mail and phone before creating one", () => {
      const ctx = context("lead", {});
      expect(planNextStep(ctx, {})).toMatchObject({ kind: "findExistingLead", email: expect.any(String) });
      expect(planNextStep(ctx, { leadLookup: { id: null, attempt: 1 } })).toMatchObject({ kind: "createLead" });
    });

    it("reuses the lead found and writes this chat's custom values onto it, once", () => {
      const ctx = context("lead", {});
      ctx.drafts.lead.otherProperties = [{ FieldKey: "lead_msg", BigStringValue: "Oi" }];
      const found = { lead: { id: 9, how: "found" as const }, leadLookup: { id: 9, attempt: 1 } };
      expect(planNextStep(ctx, found)).toEqual({
        kind: "updateLead",
        leadId: 9,
        otherProperties: [{ FieldKey: "lead_msg", BigStringValue: "Oi" }],
      });
      expect(planNextStep(ctx, { ...found, leadUpdated: true })).toBeNull();
      expect(planNextStep(ctx, { lead: { id: 9 } })).toBeNull();
    });
  });

  it("skips the transcript when the integration does not write it", () => {
    expect(simulate(context("person_deal", { transcript: null }), {}).steps).toEqual([
      "findPerson",
      "createPerson",
      "createDeal",
    ]);
  });
});
