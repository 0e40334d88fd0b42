import type { JivoEvent } from "@/lib/jivo/normalize-event";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import type { PloomesClient } from "@/lib/ploomes/client";
import { callPlanner } from "@/lib/sync/calls";
import { executeStep } from "@/lib/sync/execute-step";
import { planNextStep, type Step } from "@/lib/sync/plan-next-step";
import { prepareSyncContext } from "@/lib/sync/prepare-sync-context";
import type { SyncOutcome, SyncWarning } from "@/lib/sync/sync-outcome";

export type DryRunStep = { step: Step; result: Partial<SyncOutcome>; simulated: boolean };
export type DryRunReport = {
  steps: DryRunStep[];
  warnings: SyncWarning[];
  dealTitle: string | null;
  behaviour: string;
};

const LOOKUPS = new Set<Step["kind"]>([
  "findPerson",
  "findCompany",
  "findOpenDeal",
  "findLead",
  "findExistingLead",
  "findPersonByName",
  "findInteraction",
]);

// Ids handed to records that a dry run only pretends to create: negative, so they can never be confused with
// (or written as) real Ploomes ids.
function simulate(step: Step, fakeId: number, attempt: number): Partial<SyncOutcome> {
  switch (step.kind) {
    case "createCompany":
      return { company: { id: fakeId, how: "created", attempt } };
    case "createPerson":
      return { person: { id: fakeId, how: "created", companyId: step.body.CompanyId ?? null, attempt } };
    case "linkPerson":
      return { personLinked: true };
    case "createDeal":
      return { deal: { id: fakeId } };
    case "createLead":
      return { lead: { id: fakeId } };
    case "updateLead":
      return { leadUpdated: true };
    default:
      return { interaction: { id: fakeId } };
  }
}

/**
 * "O que este chat criaria?": the same planner as the worker, with real read-only look-ups (they count in the
 * budget) and every write only described. Nothing is written to Ploomes.
 */
export async function dryRunEvent(
  event: JivoEvent,
  settings: IntegrationSettings,
  connectionId: string,
  client: PloomesClient,
): Promise<DryRunReport> {
  const ctx = await prepareSyncContext(event, settings, connectionId, client, 1, { readOnly: true });
  const steps: DryRunStep[] = [];
  let outcome: SyncOutcome = {};
  let fakeId = -1;
  // A call is simulated without its earlier status events: its duration is then "não informada".
  const callPlan = await callPlanner(event, ctx, async () => ({
    connectedAt: null,
    rang: false,
    endedAt: event.eventAt ?? new Date(),
  }));
  const next = callPlan ?? ((current: SyncOutcome) => planNextStep(ctx, current));
  for (let step = next(outcome); step; step = next(outcome)) {
    if (steps.length > 20) break;
    const simulated = !LOOKUPS.has(step.kind);
    const result = simulated ? simulate(step, fakeId--, 1) : await executeStep(client, step, 1);
    steps.push({ step, result, simulated });
    outcome = { ...outcome, ...result };
  }
  return {
    steps,
    warnings: ctx.drafts.warnings,
    dealTitle: ctx.behaviour === "lead" || ctx.behaviour === "company_person" ? null : ctx.dealTitle,
    behaviour: ctx.behaviour,
  };
}
