import { behaviourCreatesDeal, behaviourEntities, type Behaviour } from "@/lib/integration-model/settings-schema";
import { phoneSearchCandidates } from "@/lib/phone/phone-candidates";
import type {
  ContactInput,
  DealInput,
  InteractionRecordInput,
  LeadInput,
  OtherPropertyInput,
} from "@/lib/ploomes/input-schemas";
import type { RecordDraft, RecordDrafts } from "./build-record-bodies";
import type { SyncOutcome } from "./sync-outcome";

export type PlanContext = {
  behaviour: Behaviour;
  drafts: RecordDrafts;
  pipelineId: number | null;
  stageId: number | null;
  avoidDuplicateDeals: boolean;
  dealTitle: string;
  ownerId: number | null;
  originId: number | null;
  /** Null when the integration does not write transcripts or the event has none. Ends with `transcriptMarker`. */
  transcript: string | null;
  /** Tag of this chat inside its transcript, to find a record whose creation answer was lost. */
  transcriptMarker: string;
  transcriptDate: string;
  /** Name for a person when the visitor gave none. */
  personFallbackName: string;
  /** 1-based attempt of this job (recorded on look-up results). */
  attempt: number;
};

export type Step =
  | { kind: "findPerson"; email: string | null; phones: number[] }
  | { kind: "findCompany"; names: string[] }
  | { kind: "createCompany"; body: ContactInput }
  | { kind: "createPerson"; body: ContactInput }
  | { kind: "linkPerson"; personId: number; companyId: number }
  | { kind: "findOpenDeal"; personId: number; pipelineId: number }
  | { kind: "createDeal"; body: DealInput }
  | { kind: "createLead"; body: LeadInput }
  | { kind: "createInteraction"; body: InteractionRecordInput }
  /** The visitor's lead from an earlier chat or offline message, by e-mail or phone. */
  | { kind: "findExistingLead"; email: string | null; phones: number[] }
  /** This chat's custom lead values onto the reused lead (text values appended to what it holds). */
  | { kind: "updateLead"; leadId: number; otherProperties: OtherPropertyInput[] }
  | { kind: "findLead"; email: string | null; phones: number[]; personName: string | null; companyName: string | null }
  /** The person a lost `createPerson` may have created, when there was no e-mail or phone to find them by. */
  | { kind: "findPersonByName"; name: string; companyId: number | null; originId: number | null }
  | { kind: "findInteraction"; contactId: number; marker: string };

const optional = <T>(value: T | null | undefined) => (value === null || value === undefined ? undefined : value);
const notEmpty = <T>(items: T[]) => (items.length ? items : undefined);

function contactBody(
  draft: RecordDraft,
  typeId: 1 | 2,
  name: string,
  ctx: PlanContext,
  companyId?: number,
): ContactInput {
  const { Name: _name, Email, ...rest } = draft.standard;
  return {
    ...(rest as Record<string, string>),
    Name: name,
    TypeId: typeId,
    Email: typeof Email === "string" ? Email : undefined,
    CompanyId: companyId,
    OwnerId: optional(ctx.ownerId),
    OriginId: optional(ctx.originId),
    Phones: notEmpty(draft.phones),
    OtherProperties: notEmpty(draft.otherProperties),
  };
}

/**
 * A look-up is needed when it was never made, or when it found nothing but the write that followed was sent
 * without its answer being stored: that write may have created the record after all.
 */
function needsLookup(
  result: { id: number | null } | undefined,
  outcome: SyncOutcome,
  write: SyncOutcome["inFlight"],
): boolean {
  return !result || (result.id === null && outcome.inFlight === write);
}

/**
 * The lead, or the look-up for it when its creation answer was lost. The look-up searches by what was sent, so a
 * lead with no e-mail, phone or name gets the visitor's fallback name: there is then always something to find it by.
 */
function planLead(ctx: PlanContext, outcome: SyncOutcome): Step | null {
  const draft = ctx.drafts.lead;
  const text = (field: string) => {
    const value = draft.standard[field];
    return typeof value === "string" && value.trim() ? value : null;
  };
  const email = text("Email");
  const phones = [...new Set(draft.phones.flatMap((phone) => phoneSearchCandidates(phone.PhoneNumber)))];
  const companyName = text("CompanyName");
  const personName = text("PersonName") ?? (email || phones.length > 0 || companyName ? null : ctx.personFallbackName);
  if (outcome.lead) {
    // A reused lead gets this chat's message (and other custom values); a lead of its own already has them.
    const reused = outcome.lead.how === "found" && !outcome.leadUpdated && draft.otherProperties.length > 0;
    return reused ? { kind: "updateLead", leadId: outcome.lead.id, otherProperties: draft.otherProperties } : null;
  }
  if (outcome.inFlight === "createLead") return { kind: "findLead", email, phones, personName, companyName };
  // One visitor, one lead: an open lead with their e-mail or phone is reused (identity locks keep two chats of
  // theirs from both finding none and both creating).
  if ((email || phones.length > 0) && !outcome.leadLookup) return { kind: "findExistingLead", email, phones };
  return {
    kind: "createLead",
    body: {
      ...(draft.standard as Record<string, string>),
      PersonName: personName ?? undefined,
      Phones: notEmpty(draft.phones),
      OriginId: optional(ctx.originId),
      OwnerId: optional(ctx.ownerId),
      OtherProperties: notEmpty(draft.otherProperties),
    },
  };
}

/**
 * The pure decision: given the settings, the mapped event and what is known so far, the next Ploomes call to
 * make — or null when the chat is fully recorded. Called again after every answer, so a retry resumes where the
 * previous attempt stopped.
 */
export function planNextStep(ctx: PlanContext, outcome: SyncOutcome): Step | null {
  if (ctx.behaviour === "lead") return planLead(ctx, outcome);

  const entities = behaviourEntities(ctx.behaviour);
  const { lookup } = ctx.drafts;
  const hasKeys = Boolean(lookup.email) || lookup.phones.length > 0;

  // 1. Who is this visitor in the CRM?
  if (hasKeys && needsLookup(outcome.person, outcome, "createPerson")) {
    return { kind: "findPerson", email: lookup.email, phones: lookup.phones };
  }
  const foundPerson = outcome.person?.id ?? null;

  // 2. Their company: the person's own, else by name, else a new one.
  let companyId: number | null = null;
  if (entities.includes("company")) {
    companyId = outcome.company?.id ?? outcome.person?.companyId ?? null;
    if (!companyId && lookup.companyNames.length > 0) {
      if (needsLookup(outcome.company, outcome, "createCompany"))
        return { kind: "findCompany", names: lookup.companyNames };
      const name = lookup.companyNames[0]!;
      return { kind: "createCompany", body: contactBody(ctx.drafts.company, 1, name, ctx) };
    }
  }

  // 3. The person: reuse (linking them to the company when they have none) or create.
  const personId = foundPerson;
  if (!personId) {
    const name = String(ctx.drafts.person.standard.Name ?? "").trim() || ctx.personFallbackName;
    // Without e-mail or phone, only the name (and origin, company) sent in the lost write can find its person.
    if (!hasKeys && outcome.inFlight === "createPerson") {
      return { kind: "findPersonByName", name, companyId, originId: ctx.originId };
    }
    return { kind: "createPerson", body: contactBody(ctx.drafts.person, 2, name, ctx, companyId ?? undefined) };
  }
  if (companyId && !outcome.person?.companyId && outcome.person?.how !== "created" && !outcome.personLinked) {
    return { kind: "linkPerson", personId, companyId };
  }

  // 4. The deal, unless an open one of this person in this funnel must be reused.
  let dealId = outcome.deal?.id ?? null;
  if (behaviourCreatesDeal(ctx.behaviour) && !dealId && ctx.pipelineId && ctx.stageId) {
    const personPreexisted = outcome.person?.how === "email" || outcome.person?.how === "phone";
    const recovering = outcome.inFlight === "createDeal";
    if ((ctx.avoidDuplicateDeals && personPreexisted && !outcome.openDeal) || recovering) {
      return { kind: "findOpenDeal", personId, pipelineId: ctx.pipelineId };
    }
    const open = outcome.openDeal;
    // Reuse the person's open deal ("evitar duplicidade"), or our own deal from an attempt whose answer was lost.
    if (open?.id && ((ctx.avoidDuplicateDeals && personPreexisted) || open.title === ctx.dealTitle)) dealId = open.id;
    if (!dealId) {
      const draft = ctx.drafts.deal;
      const { Title, ...rest } = draft.standard;
      return {
        kind: "createDeal",
        body: {
          ...(rest as Record<string, number>),
          Title: typeof Title === "string" && Title.trim() ? Title : ctx.dealTitle,
          ContactId: companyId ?? personId,
          PersonId: personId,
          PipelineId: ctx.pipelineId,
          StageId: ctx.stageId,
          OwnerId: optional(ctx.ownerId),
          OriginId: optional(ctx.originId),
          OtherProperties: notEmpty(draft.otherProperties),
        },
      };
    }
  }

  // 5. The conversation itself, on the deal's timeline (else the person's).
  if (ctx.transcript && !outcome.interaction) {
    if (outcome.inFlight === "createInteraction")
      return { kind: "findInteraction", contactId: personId, marker: ctx.transcriptMarker };
    return {
      kind: "createInteraction",
      body: { ContactId: personId, DealId: dealId ?? undefined, Date: ctx.transcriptDate, Content: ctx.transcript },
    };
  }
  return null;
}
