import type { PloomesClient } from "@/lib/ploomes/client";
import type { OtherPropertyInput } from "@/lib/ploomes/input-schemas";
import type { OtherProperty } from "@/lib/ploomes/schemas";
import type { Step } from "./plan-next-step";
import type { SyncOutcome } from "./sync-outcome";

// One planned step performed against Ploomes, and the lead-values merge it needs.

/** Carries out one planned step and returns what it adds to the outcome. */
export async function executeStep(client: PloomesClient, step: Step, attempt: number): Promise<Partial<SyncOutcome>> {
  switch (step.kind) {
    case "findPerson": {
      const found = await client.findPersonByEmailOrPhones(step.email, step.phones);
      const person = found?.person;
      return {
        person: { id: person?.Id ?? null, how: found?.by ?? "none", companyId: person?.CompanyId ?? null, attempt },
      };
    }
    case "findCompany": {
      const company = await client.findCompanyByName(step.names);
      return { company: { id: company?.Id ?? null, how: company ? "name" : "none", attempt } };
    }
    case "createCompany": {
      const company = await client.createContact(step.body);
      return { company: { id: company.Id, how: "created", attempt } };
    }
    case "createPerson": {
      const person = await client.createContact(step.body);
      return { person: { id: person.Id, how: "created", companyId: step.body.CompanyId ?? null, attempt } };
    }
    case "findPersonByName": {
      const person = await client.findPersonByName(step);
      // Found, it is the person this chat's lost write created: "created", so it is neither linked nor deduped again.
      if (!person) return { person: { id: null, how: "none", companyId: null, attempt } };
      return { person: { id: person.Id, how: "created", companyId: person.CompanyId ?? null, attempt } };
    }
    case "linkPerson":
      await client.updateContact(step.personId, { CompanyId: step.companyId });
      return { personLinked: true };
    case "findOpenDeal": {
      const deal = await client.findOpenDeal({ personId: step.personId, pipelineId: step.pipelineId });
      return { openDeal: { id: deal?.Id ?? null, title: deal?.Title ?? null, attempt } };
    }
    case "createDeal": {
      const deal = await client.createDeal(step.body);
      return { deal: { id: deal.Id } };
    }
    case "createLead": {
      const lead = await client.createLead(step.body);
      return { lead: { id: lead.Id } };
    }
    case "findExistingLead": {
      const lead = await client.findLeadByEmailOrPhones(step.email, step.phones);
      return lead
        ? { lead: { id: lead.Id, how: "found" }, leadLookup: { id: lead.Id, attempt } }
        : { leadLookup: { id: null, attempt } };
    }
    case "updateLead": {
      const current = await client.getLeadOtherProperties(step.leadId);
      const patch = mergeLeadValues(current, step.otherProperties);
      if (patch.length > 0) await client.updateLead(step.leadId, { OtherProperties: patch });
      return { leadUpdated: true };
    }
    case "findLead": {
      const lead = await client.findLead(step);
      return lead ? { lead: { id: lead.Id } } : {};
    }
    case "findInteraction": {
      const record = await client.findInteractionRecord(step);
      return record ? { interaction: { id: record.Id } } : {};
    }
    case "createInteraction": {
      const record = await client.createInteractionRecord(step.body);
      return { interaction: { id: record.Id } };
    }
  }
}

const TEXT_KEYS = ["StringValue", "BigStringValue"] as const;

/**
 * What a later chat writes onto the visitor's reused lead: text values are appended to what the lead holds (its
 * first message is kept, the new one follows), other values replace theirs. A value the lead already holds is not
 * sent again, so a retried update changes nothing.
 */
export function mergeLeadValues(current: OtherProperty[], incoming: OtherPropertyInput[]): OtherPropertyInput[] {
  const byKey = new Map(current.map((property) => [property.FieldKey, property]));
  const patch: OtherPropertyInput[] = [];
  for (const property of incoming) {
    const existing = byKey.get(property.FieldKey);
    const textKey = TEXT_KEYS.find((key) => typeof property[key] === "string");
    if (textKey) {
      const next = property[textKey] as string;
      const held = existing?.[textKey];
      if (typeof held === "string" && held.includes(next)) continue;
      patch.push({
        FieldKey: property.FieldKey,
        [textKey]: typeof held === "string" && held.trim() ? `${held}\n\n${next}` : next,
      });
      continue;
    }
    const valueKey = Object.keys(property).find((key) => key !== "FieldKey") as keyof OtherPropertyInput | undefined;
    if (valueKey && existing && existing[valueKey as keyof OtherProperty] === property[valueKey]) continue;
    patch.push(property);
  }
  return patch;
}
