import type { PloomesConnection } from "@prisma/client";
import { behaviourEntities } from "@/lib/integration-model/settings-schema";
import { phoneSearchCandidates } from "@/lib/phone/phone-candidates";
import { stripAccents } from "./build-record-bodies";
import type { PlanContext } from "./plan-next-step";

/**
 * The Ploomes account records are written to, as its address and key (the key's hash, `budgetKey`): every
 * connection with that key — several integrations, of one or several connections — shares the account's clients,
 * and so its identity locks. (Two different keys of one Ploomes account are not told apart: the connection does
 * not store the account's own id.)
 */
export function accountScopeOf(connection: Pick<PloomesConnection, "baseUrl" | "budgetKey">): string {
  return `${connection.baseUrl.replace(/\/+$/, "").toLowerCase()}#${connection.budgetKey}`;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** As the company look-up matches names (with or without accents), and then some: case and spacing. */
export const normalizeCompanyName = (name: string) => stripAccents(name).trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Every identity the job's look-ups may match a record by: the e-mail, each candidate form of each phone (with and
 * without 55, with and without the 9th digit — so two spellings of one number share a key), the company name.
 * Lead jobs hold the same e-mail and phone keys: a lead and a person of one visitor are never created at once
 * either, and two leads of one visitor are found by them.
 */
export function identityKeysOf(ctx: PlanContext): string[] {
  const keys = new Set<string>();
  const addEmail = (email: unknown) => {
    if (typeof email === "string" && email.trim()) keys.add(`email:${normalizeEmail(email)}`);
  };
  const addPhones = (numbers: number[]) => numbers.forEach((number) => keys.add(`phone:${number}`));

  if (ctx.behaviour === "lead") {
    const lead = ctx.drafts.lead;
    addEmail(lead.standard.Email);
    addEmail(ctx.drafts.lookup.email);
    addPhones(lead.phones.flatMap((phone) => phoneSearchCandidates(phone.PhoneNumber)));
    addPhones(ctx.drafts.lookup.phones);
    return [...keys];
  }
  addEmail(ctx.drafts.lookup.email);
  addPhones(ctx.drafts.lookup.phones);
  if (behaviourEntities(ctx.behaviour).includes("company")) {
    for (const name of ctx.drafts.lookup.companyNames) keys.add(`company:${normalizeCompanyName(name)}`);
  }
  return [...keys];
}
