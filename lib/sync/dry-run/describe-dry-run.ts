import type { JivoEvent } from "@/lib/jivo/normalize-event";
import type { StandardFieldKey } from "@/lib/jivo/standard-fields";
import type { DryRunReport } from "./dry-run-event";
import type { Step } from "@/lib/sync/plan-next-step";
import type { SyncOutcome } from "@/lib/sync/sync-outcome";
import {
  customFieldName,
  describeRecordBody,
  recordRef,
  type FieldLabel,
  type PlanField,
  type PloomesNames,
  type RecordRef,
} from "./describe-record-body";
import {
  behaviourEntities,
  CUSTOM_PREFIX,
  type Behaviour,
  type IntegrationSettings,
  type TargetEntity,
} from "@/lib/integration-model/settings-schema";
import type { SettingsStep } from "@/lib/integration-model/wizard-steps";

/** One line of "O que este chat criaria?", in the order the worker would act. */
export type PlanItem =
  | { kind: "found"; entity: "person" | "company"; how: "email" | "phone" | "name" | "person"; record: RecordRef }
  | { kind: "notFound"; entity: "person" | "company" }
  | { kind: "create"; entity: "company" | "person" | "deal" | "lead"; fields: PlanField[] }
  | { kind: "link"; person: RecordRef; company: RecordRef }
  | { kind: "openDeal"; record: RecordRef; title: string | null; reused: boolean }
  | { kind: "noOpenDeal" }
  | { kind: "interaction"; on: RecordRef; transcript: string };

export type PlanWarning = {
  code: string;
  entity: TargetEntity | null;
  field: FieldLabel | null;
  source: StandardFieldKey | null;
  value: string | null;
};

export type DryRunView = {
  event: { name: string; visitor: string | null; email: string | null; phone: string | null; chatId: string | null };
  behaviour: Behaviour;
  /** Set when the worker would store the event without creating anything (a reason code of `events.reasons`). */
  ignoredReason: string | null;
  /** The first wizard step whose saved settings are unfinished: the plan may change once it is completed. */
  incompleteStep: SettingsStep | null;
  items: PlanItem[];
  warnings: PlanWarning[];
  dealTitle: string | null;
  writeTranscript: boolean;
  /** Ploomes requests the dry run made (look-ups and metadata), all counted in the account's budget. */
  requests: number;
};

type Context = { event: JivoEvent; settings: IntegrationSettings; names: PloomesNames; isSandbox: boolean };

function describeStep(
  step: Step,
  result: Partial<SyncOutcome>,
  final: SyncOutcome,
  behaviour: Behaviour,
  { names, isSandbox }: Context,
): PlanItem[] {
  switch (step.kind) {
    case "findPerson": {
      const person = result.person;
      if (!person?.id || person.how === "none" || person.how === "created")
        return [{ kind: "notFound", entity: "person" }];
      const found: PlanItem[] = [
        { kind: "found", entity: "person", how: person.how, record: recordRef("person", person.id, isSandbox) },
      ];
      // Their company is the one the chat's records join, without a look-up of its own.
      if (person.companyId && final.company === undefined && behaviourEntities(behaviour).includes("company")) {
        found.push({
          kind: "found",
          entity: "company",
          how: "person",
          record: recordRef("company", person.companyId, isSandbox),
        });
      }
      return found;
    }
    case "findCompany":
      return result.company?.id
        ? [
            {
              kind: "found",
              entity: "company",
              how: "name",
              record: recordRef("company", result.company.id, isSandbox),
            },
          ]
        : [{ kind: "notFound", entity: "company" }];
    case "createCompany":
    case "createPerson":
    case "createDeal":
    case "createLead": {
      const entity = (
        { createCompany: "company", createPerson: "person", createDeal: "deal", createLead: "lead" } as const
      )[step.kind];
      return [
        { kind: "create", entity, fields: describeRecordBody(step.body as Record<string, unknown>, names, isSandbox) },
      ];
    }
    case "linkPerson":
      return [
        {
          kind: "link",
          person: recordRef("person", step.personId, isSandbox),
          company: recordRef("company", step.companyId, isSandbox),
        },
      ];
    // Recovery look-ups follow a write whose answer was lost: a dry run never has one.
    case "findLead":
    // The visitor's earlier lead, and this chat's values written onto it: nothing is created (not itemised yet).
    case "findExistingLead":
    case "updateLead":
    case "findPersonByName":
    case "findInteraction":
      return [];
    case "findOpenDeal": {
      const open = result.openDeal;
      if (!open?.id) return [{ kind: "noOpenDeal" }];
      return [
        {
          kind: "openDeal",
          record: recordRef("deal", open.id, isSandbox),
          title: open.title ?? null,
          reused: final.deal === undefined,
        },
      ];
    }
    case "createInteraction": {
      const on = step.body.DealId
        ? recordRef("deal", step.body.DealId, isSandbox)
        : recordRef("person", step.body.ContactId, isSandbox);
      return [{ kind: "interaction", on, transcript: step.body.Content }];
    }
  }
}

function describeWarnings(report: DryRunReport, { event, settings, names }: Context): PlanWarning[] {
  const warnings: PlanWarning[] = report.warnings.map((warning) => {
    const [entity, ...rest] = (warning.field ?? "").split(".");
    const field = rest.join(".");
    const label: FieldLabel | null = !field
      ? null
      : field.startsWith(CUSTOM_PREFIX)
        ? {
            kind: "custom",
            key: field.slice(CUSTOM_PREFIX.length),
            name: customFieldName(field.slice(CUSTOM_PREFIX.length), names),
          }
        : { kind: "standard", key: field };
    return {
      code: warning.code,
      entity: (entity || null) as TargetEntity | null,
      field: label,
      source: (warning.source ?? null) as StandardFieldKey | null,
      value: warning.value ?? null,
    };
  });
  // The planner's silent fallbacks, spelled out: they are what an admin most often wants to know before going live.
  const extra = (code: string) => warnings.push({ code, entity: null, field: null, source: null, value: null });
  if (report.behaviour !== "lead" && !report.steps.some(({ step }) => step.kind === "findPerson"))
    extra("no_contact_keys");
  if (report.behaviour === "lead" && settings.writeTranscript && event.messages.length > 0)
    extra("transcript_skipped_for_lead");
  const agentEmail = event.agent?.email;
  if (settings.ownerFromAgent && agentEmail && !names.users.some((user) => user.Email?.toLowerCase() === agentEmail))
    extra("agent_not_user");
  return warnings;
}

/** The dry run's report as the screen shows it: records found, reused or created with every value, and warnings. */
export function describeDryRun(
  report: DryRunReport,
  context: Context & { requests: number; incompleteStep: SettingsStep | null },
): DryRunView {
  const behaviour = report.behaviour as Behaviour;
  const final = report.steps.reduce<SyncOutcome>((outcome, { result }) => ({ ...outcome, ...result }), {});
  return {
    ...describeEvent(context.event),
    behaviour,
    ignoredReason: null,
    incompleteStep: context.incompleteStep,
    items: report.steps.flatMap(({ step, result }) => describeStep(step, result, final, behaviour, context)),
    warnings: describeWarnings(report, context),
    dealTitle: report.dealTitle,
    writeTranscript: context.settings.writeTranscript,
    requests: context.requests,
  };
}

export function describeEvent(event: JivoEvent): Pick<DryRunView, "event"> {
  const { name, email, phone } = event.visitor;
  return {
    event: { name: event.eventName, visitor: name, email, phone, chatId: event.chatId ?? event.offlineMessageId },
  };
}
