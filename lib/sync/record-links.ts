import type { SyncOutcome } from "./sync-outcome";
import { sandboxRecordHref, type SandboxListedEntity } from "./sandbox-record-anchor";

/** The Ploomes web app, where people open the records the hub created (the API lives elsewhere). */
export const PLOOMES_WEB_APP_URL = "https://app10.ploomes.com";

export type RecordEntity = "company" | "person" | "deal" | "lead";
export type RecordLink = { entity: RecordEntity; id: number; how: "created" | "reused"; href: string };

// Companies and people are both Ploomes "contacts": one page each in the web app and one list in the sandbox.
const WEB_APP_PATH: Record<RecordEntity, string> = {
  company: "contact",
  person: "contact",
  deal: "deal",
  lead: "lead",
};
const SANDBOX_LIST: Record<RecordEntity, SandboxListedEntity> = {
  company: "Contacts",
  person: "Contacts",
  deal: "Deals",
  lead: "Leads",
};

export function recordHref(entity: RecordEntity, id: number, isSandbox: boolean): string {
  if (isSandbox) return sandboxRecordHref(SANDBOX_LIST[entity], id);
  return `${PLOOMES_WEB_APP_URL}/${WEB_APP_PATH[entity]}/${id}`;
}

/** The records an event created or reused in the CRM, in the order a person reads them. */
export function outcomeRecords(outcome: SyncOutcome, isSandbox: boolean): RecordLink[] {
  const links: RecordLink[] = [];
  const add = (entity: RecordEntity, id: number | null | undefined, how: RecordLink["how"]) => {
    if (typeof id === "number") links.push({ entity, id, how, href: recordHref(entity, id, isSandbox) });
  };
  const { company, person, deal, openDeal, lead } = outcome;
  if (company) add("company", company.id, company.how === "created" ? "created" : "reused");
  // The person already belonged to a company: that one was used, without a lookup of its own.
  else if (person?.how !== "created") add("company", person?.companyId, "reused");
  if (person) add("person", person.id, person.how === "created" ? "created" : "reused");
  // No deal of our own but an open one found: that is the deal the chat was recorded on.
  if (deal) add("deal", deal.id, "created");
  else if (openDeal) add("deal", openDeal.id, "reused");
  if (lead) add("lead", lead.id, "created");
  return links;
}
