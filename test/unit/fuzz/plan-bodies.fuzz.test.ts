import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { BEHAVIOURS, defaultMappings } from "@/lib/integration-model/settings-schema";
import { buildTranscript } from "@/lib/jivo/build-transcript";
import { parseJivoEvent, type JivoEvent } from "@/lib/jivo/normalize-event";
import {
  contactInputSchema,
  contactPatchSchema,
  dealInputSchema,
  interactionRecordInputSchema,
  leadInputSchema,
} from "@/lib/ploomes/input-schemas";
import { buildRecordBodies } from "@/lib/sync/build-record-bodies";
import { planNextStep, type PlanContext, type Step } from "@/lib/sync/plan-next-step";
import { renderTitle } from "@/lib/sync/prepare-sync-context";
import type { SyncOutcome } from "@/lib/sync/sync-outcome";
import { hostileBody } from "../../reliability/lib/hostile-payloads";
import { caseTally } from "../../helpers/case-tally";
import { FUZZ_TIMEOUT_MS } from "./fuzz-timeout";

// A body the Ploomes client refuses is a permanent failure: the chat is lost. So whatever the visitor typed, every
// body the planner produces must pass the client's own input schemas — and the plan must end.

/** The event a hostile body makes, or null where the receiver would refuse it (each property counts both). */
const hostileEvent: fc.Arbitrary<JivoEvent | null> = hostileBody.map((body) => {
  try {
    const parsed = parseJivoEvent(JSON.parse(body), { receivedAt: new Date("2026-11-26T12:00:00Z") });
    return parsed.ok ? parsed.event : null;
  } catch {
    return null;
  }
});

const SCHEMAS: Partial<Record<Step["kind"], z.ZodType>> = {
  createCompany: contactInputSchema,
  createPerson: contactInputSchema,
  createDeal: dealInputSchema,
  createLead: leadInputSchema,
  createInteraction: interactionRecordInputSchema,
};

function contextOf(event: JivoEvent, behaviour: PlanContext["behaviour"]): PlanContext {
  const transcript = buildTranscript(event);
  return {
    behaviour,
    drafts: buildRecordBodies(event, defaultMappings(behaviour), new Map()),
    pipelineId: 10,
    stageId: 11,
    avoidDuplicateDeals: true,
    dealTitle: renderTitle("JivoChat – {nome do visitante}", event),
    ownerId: null,
    originId: 7,
    transcript:
      behaviour !== "lead" && (event.messages.length > 0 || event.offlineMessage)
        ? `${transcript}\n\n[JivoChat w/1]`
        : null,
    transcriptDate: new Date("2026-11-26T12:00:00Z").toISOString(),
    personFallbackName: event.visitor.email ?? event.visitor.phone ?? "Visitante JivoChat",
    transcriptMarker: "[JivoChat w/1]",
    attempt: 1,
  };
}

/** A CRM that knows nobody and accepts every write: the longest plan there is. */
function answer(step: Step, nextId: () => number): Partial<SyncOutcome> {
  switch (step.kind) {
    case "findPerson":
    case "findPersonByName":
      return { person: { id: null, how: "none", companyId: null, attempt: 1 } };
    case "findCompany":
      return { company: { id: null, how: "none", attempt: 1 } };
    case "findOpenDeal":
      return { openDeal: { id: null, title: null, attempt: 1 } };
    case "findLead":
    case "findInteraction":
      return {};
    case "findExistingLead":
      return { leadLookup: { id: null, attempt: 1 } };
    case "updateLead":
      return { leadUpdated: true };
    case "createCompany":
      return { company: { id: nextId(), how: "created", attempt: 1 } };
    case "createPerson":
      return { person: { id: nextId(), how: "created", companyId: step.body.CompanyId ?? null, attempt: 1 } };
    case "linkPerson":
      return { personLinked: true };
    case "createDeal":
      return { deal: { id: nextId() } };
    case "createLead":
      return { lead: { id: nextId() } };
    case "createInteraction":
      return { interaction: { id: nextId() } };
  }
}

describe("planning a hostile chat", () => {
  it(
    "every body passes the Ploomes client's schemas, each record is written once, and the plan ends",
    () => {
      const tally = caseTally();
      fc.assert(
        fc.property(hostileEvent, fc.constantFrom(...BEHAVIOURS), (event, behaviour) => {
          if (event === null) return tally.refused();
          tally.accepted();
          const ctx = contextOf(event, behaviour);
          let outcome: SyncOutcome = {};
          let id = 100;
          const writes: string[] = [];
          for (let steps = 0; ; steps++) {
            expect(steps, "the plan ends").toBeLessThan(12);
            const step = planNextStep(ctx, outcome);
            if (!step) break;
            const schema = step.kind === "linkPerson" ? contactPatchSchema : SCHEMAS[step.kind];
            if (schema && "body" in step) {
              const parsed = schema.safeParse(step.body);
              expect(parsed.success, `${step.kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
            }
            if (step.kind.startsWith("create")) writes.push(step.kind);
            outcome = { ...outcome, ...answer(step, () => ++id) };
          }
          expect(new Set(writes).size).toBe(writes.length);
        }),
        // About 55% of hostile bodies make an event: some 400 plans.
        { numRuns: 700 },
      );
      tally.expectShares({ accepted: 0.25 });
    },
    FUZZ_TIMEOUT_MS,
  );
});

/**
 * A CRM that keeps what it is sent. The n-th write whose `lost[n]` is true (a timeout, a crash) still creates
 * its record, and the outcome keeps only `inFlight`, as processEvent stores it before every write; look-ups find
 * what exists.
 */
function crmWithLostAnswers(lost: boolean[]) {
  const created = new Map<string, { id: number; title?: string; name?: string; companyId?: number | null }[]>();
  let nextId = 100;
  let writes = 0;
  const first = (kind: string) => created.get(kind)?.[0];
  return {
    created,
    /** The outcome after the step, and whether its answer arrived. */
    run(step: Step, outcome: SyncOutcome): SyncOutcome {
      const merge = (result: Partial<SyncOutcome>): SyncOutcome => ({ ...outcome, ...result, inFlight: undefined });
      switch (step.kind) {
        case "findPerson": {
          const person = first("person");
          return merge({
            person: {
              id: person?.id ?? null,
              how: person ? "email" : "none",
              companyId: person?.companyId ?? null,
              attempt: 1,
            },
          });
        }
        case "findPersonByName": {
          const person = created.get("person")?.find((p) => p.name === step.name && p.companyId === step.companyId);
          return merge({
            person: {
              id: person?.id ?? null,
              how: person ? "created" : "none",
              companyId: person?.companyId ?? null,
              attempt: 1,
            },
          });
        }
        case "findCompany":
          return merge({
            company: { id: first("company")?.id ?? null, how: first("company") ? "name" : "none", attempt: 1 },
          });
        case "findOpenDeal":
          return merge({
            openDeal: { id: first("deal")?.id ?? null, title: first("deal")?.title ?? null, attempt: 1 },
          });
        case "findLead":
          return merge(first("lead") ? { lead: { id: first("lead")!.id } } : {});
        case "findExistingLead":
          return merge(
            first("lead")
              ? { lead: { id: first("lead")!.id, how: "found" }, leadLookup: { id: first("lead")!.id, attempt: 1 } }
              : { leadLookup: { id: null, attempt: 1 } },
          );
        case "updateLead":
          return merge({ leadUpdated: true });
        case "findInteraction":
          return merge(first("interaction") ? { interaction: { id: first("interaction")!.id } } : {});
        case "linkPerson":
          return merge({ personLinked: true });
      }
      const kind = step.kind.replace("create", "").toLowerCase();
      const id = ++nextId;
      const title = step.kind === "createDeal" ? step.body.Title : undefined;
      const name = step.kind === "createPerson" ? step.body.Name : undefined;
      const companyId = step.kind === "createPerson" ? (step.body.CompanyId ?? null) : undefined;
      created.set(kind, [...(created.get(kind) ?? []), { id, title, name, companyId }]);
      if (lost[writes++]) return { ...outcome, inFlight: step.kind };
      return merge(answer(step, () => id));
    },
  };
}

describe("planning a chat whose answers get lost", () => {
  it(
    "each record is created once, whichever writes lose their answer",
    () => {
      const tally = caseTally();
      fc.assert(
        fc.property(
          hostileEvent,
          fc.constantFrom(...BEHAVIOURS),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
          (event, behaviour, lost) => {
            if (event === null) return tally.refused();
            tally.accepted();
            const ctx = contextOf(event, behaviour);
            const crm = crmWithLostAnswers(lost);
            let outcome: SyncOutcome = {};
            for (let steps = 0; ; steps++) {
              expect(steps, "the plan ends").toBeLessThan(30);
              const step = planNextStep(ctx, outcome);
              if (!step) break;
              outcome = crm.run(step, outcome);
            }
            const { email, phones } = ctx.drafts.lookup;
            const seen = `${behaviour}, lost ${JSON.stringify(lost)}, e-mail ${email ? "yes" : "no"}, ${phones.length} phone forms`;
            for (const [kind, records] of crm.created)
              expect(records, `${kind} created ${records.length} times (${seen})`).toHaveLength(1);
          },
        ),
        { numRuns: 700 },
      );
      tally.expectShares({ accepted: 0.25 });
    },
    FUZZ_TIMEOUT_MS,
  );
});
