import { describe, expect, it } from "vitest";
import { outcomeRecords, PLOOMES_WEB_APP_URL, recordHref } from "@/lib/sync/record-links";
import type { SyncOutcome } from "@/lib/sync/sync-outcome";
import { describePlanEntry, parsePlan, type PlanEntry } from "./describe-plan";

const at = "2026-11-20T12:00:00.000Z";
const entry = (step: string, result: PlanEntry["result"]): PlanEntry => ({ step, attempt: 1, at, result });

describe("plan description", () => {
  it.each([
    [
      entry("findPerson", { person: { id: 12, how: "email", companyId: null, attempt: 1 } }),
      "personFoundByEmail",
      { id: 12 },
    ],
    [
      entry("findPerson", { person: { id: 13, how: "phone", companyId: null, attempt: 1 } }),
      "personFoundByPhone",
      { id: 13 },
    ],
    [entry("findPerson", { person: { id: null, how: "none", companyId: null, attempt: 1 } }), "personNotFound", {}],
    [entry("findCompany", { company: { id: 7, how: "name", attempt: 1 } }), "companyFoundByName", { id: 7 }],
    [entry("findCompany", { company: { id: null, how: "none", attempt: 1 } }), "companyNotFound", {}],
    [entry("createCompany", { company: { id: 55, how: "created", attempt: 1 } }), "companyCreated", { id: 55 }],
    [
      entry("createPerson", { person: { id: 56, how: "created", companyId: 55, attempt: 1 } }),
      "personCreated",
      { id: 56 },
    ],
    [entry("linkPerson", { personLinked: true }), "personLinked", {}],
    [entry("findOpenDeal", { openDeal: { id: null, title: null, attempt: 1 } }), "openDealNotFound", {}],
    [entry("createDeal", { deal: { id: 40 } }), "dealCreated", { id: 40 }],
    [entry("createLead", { lead: { id: 9 } }), "leadCreated", { id: 9 }],
    [entry("createInteraction", { interaction: { id: 3 } }), "interactionCreated", { id: 3 }],
    [
      entry("findPersonByName", { person: { id: 57, how: "created", companyId: null, attempt: 2 } }),
      "personRecovered",
      { id: 57 },
    ],
    [
      entry("findPersonByName", { person: { id: null, how: "none", companyId: null, attempt: 2 } }),
      "personNotRecovered",
      {},
    ],
    [entry("findLead", { lead: { id: 10 } }), "leadRecovered", { id: 10 }],
    [entry("findLead", {}), "leadNotRecovered", {}],
    [entry("findInteraction", { interaction: { id: 4 } }), "interactionRecovered", { id: 4 }],
    [entry("findInteraction", {}), "interactionNotRecovered", {}],
    [entry("teleport", {}), "unknown", { step: "teleport" }],
  ])("%#: %o → %s", (planEntry, key, values) => {
    expect(describePlanEntry(planEntry, {})).toEqual({ key, values });
  });

  it("a found open deal is 'reused' only when the chat did not get a deal of its own", () => {
    const found = entry("findOpenDeal", { openDeal: { id: 40, title: "Chat", attempt: 1 } });
    expect(describePlanEntry(found, { openDeal: { id: 40, title: "Chat", attempt: 1 } })).toEqual({
      key: "dealReused",
      values: { id: 40 },
    });
    expect(describePlanEntry(found, { openDeal: { id: 40, title: "Chat", attempt: 1 }, deal: { id: 41 } })).toEqual({
      key: "openDealFound",
      values: { id: 40 },
    });
  });

  it("reads stored plans leniently and drops what is not a step", () => {
    const stored = JSON.stringify([
      { step: "createLead", attempt: 1, at, result: { lead: { id: 9 } }, transcript: "Olá, sou a Ana" },
      "garbage",
      { step: "createDeal" },
    ]);
    expect(parsePlan(stored)).toEqual([{ step: "createLead", attempt: 1, at, result: { lead: { id: 9 } } }]);
    expect(parsePlan("not json")).toEqual([]);
    expect(parsePlan(null)).toEqual([]);
  });
});

describe("record links", () => {
  const outcome: SyncOutcome = {
    company: { id: 55, how: "created", attempt: 1 },
    person: { id: 12, how: "email", companyId: null, attempt: 1 },
    openDeal: { id: 40, title: "x", attempt: 1 },
    lead: { id: 3 },
  };

  it("point at the sandbox list or the Ploomes web app", () => {
    expect(recordHref("person", 12, true)).toBe("/sandbox?record=12#sandbox-contacts-12");
    expect(recordHref("deal", 40, true)).toBe("/sandbox?record=40#sandbox-deals-40");
    expect(recordHref("lead", 3, true)).toBe("/sandbox?record=3#sandbox-leads-3");
    expect(recordHref("company", 55, false)).toBe(`${PLOOMES_WEB_APP_URL}/contact/55`);
    expect(recordHref("deal", 40, false)).toBe(`${PLOOMES_WEB_APP_URL}/deal/40`);
    expect(recordHref("lead", 3, false)).toBe(`${PLOOMES_WEB_APP_URL}/lead/3`);
  });

  it("list what was created and what was reused", () => {
    expect(outcomeRecords(outcome, true).map(({ entity, id, how }) => [entity, id, how])).toEqual([
      ["company", 55, "created"],
      ["person", 12, "reused"],
      ["deal", 40, "reused"],
      ["lead", 3, "created"],
    ]);
    expect(
      outcomeRecords({ ...outcome, deal: { id: 41 } }, false).find((link) => link.entity === "deal"),
    ).toMatchObject({ id: 41, how: "created" });
  });

  it("show the company a found person already had, and skip lookups that found nothing", () => {
    const links = outcomeRecords(
      { person: { id: 12, how: "phone", companyId: 77, attempt: 1 }, openDeal: { id: null, attempt: 1 } },
      false,
    );
    expect(links.map(({ entity, id, how }) => [entity, id, how])).toEqual([
      ["company", 77, "reused"],
      ["person", 12, "reused"],
    ]);
    expect(outcomeRecords({}, false)).toEqual([]);
  });
});
