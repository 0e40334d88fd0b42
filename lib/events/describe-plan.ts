import { z } from "zod";
import { outcomeSchema, type SyncOutcome } from "@/lib/sync/sync-outcome";

// The plan and warnings stored on an event, as the log shows them (and as the purge blanks them).

// One line of the plan the worker appends after every Ploomes answer (lib/sync/process-event.ts). Read through a
// schema: unknown keys are dropped, so only ids and how they were found ever reach the screen.
export const planEntrySchema = z.object({
  step: z.string(),
  attempt: z.number().int().nonnegative(),
  at: z.string(),
  result: outcomeSchema.optional().catch(undefined),
});

export type PlanEntry = z.infer<typeof planEntrySchema>;

export function parsePlan(stored: string | null | undefined): PlanEntry[] {
  if (!stored) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = planEntrySchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A message key under `events.plan` and its values: "Pessoa encontrada pelo e-mail (#12)". */
export type PlanLine = { key: string; values: Record<string, string | number> };

/**
 * Says what one step decided. The final outcome tells a found open deal that was reused from one that was only
 * looked at (the chat then got a deal of its own).
 */
export function describePlanEntry(entry: PlanEntry, outcome: SyncOutcome): PlanLine {
  const result = entry.result ?? {};
  const withId = (key: string, id: number | null | undefined): PlanLine =>
    typeof id === "number" ? { key, values: { id } } : { key: "unknown", values: { step: entry.step } };
  switch (entry.step) {
    case "findPerson": {
      const person = result.person;
      if (!person || person.id === null || person.how === "none") return { key: "personNotFound", values: {} };
      return withId(person.how === "phone" ? "personFoundByPhone" : "personFoundByEmail", person.id);
    }
    case "findCompany":
      if (!result.company?.id) return { key: "companyNotFound", values: {} };
      return withId("companyFoundByName", result.company.id);
    case "createCompany":
      return withId("companyCreated", result.company?.id);
    case "createPerson":
      return withId("personCreated", result.person?.id);
    case "linkPerson":
      return { key: "personLinked", values: {} };
    case "findOpenDeal": {
      const id = result.openDeal?.id;
      if (!id) return { key: "openDealNotFound", values: {} };
      return withId(!outcome.deal && outcome.openDeal?.id === id ? "dealReused" : "openDealFound", id);
    }
    case "createDeal":
      return withId("dealCreated", result.deal?.id);
    case "createLead":
      return withId("leadCreated", result.lead?.id);
    case "createInteraction":
      return withId("interactionCreated", result.interaction?.id);
    // Look-ups after a write whose answer was lost: did the earlier attempt create the record after all?
    case "findPersonByName":
      return result.person?.id
        ? withId("personRecovered", result.person.id)
        : { key: "personNotRecovered", values: {} };
    case "findLead":
      return result.lead?.id ? withId("leadRecovered", result.lead.id) : { key: "leadNotRecovered", values: {} };
    case "findInteraction":
      return result.interaction?.id
        ? withId("interactionRecovered", result.interaction.id)
        : { key: "interactionNotRecovered", values: {} };
    case "updateClient": {
      const update = result.contactUpdate;
      if (!update || update.skipped === "visitor_not_written") return { key: "clientNotWritten", values: {} };
      if (update.skipped === "record_not_found" || update.id === null)
        return { key: "clientRecordGone", values: { id: update.id ?? "?" } };
      const entity = update.entity === "lead" ? "lead" : "person";
      if (update.changed.length === 0) return { key: "clientUnchanged", values: { entity, id: update.id } };
      return { key: "clientUpdated", values: { entity, id: update.id, fields: update.changed.join(", ") } };
    }
    default:
      return { key: "unknown", values: { step: entry.step } };
  }
}

// Stored by the worker as SyncWarning[] (lib/sync/sync-outcome.ts); read leniently so an odd row never breaks the page.
const warningSchema = z.object({
  code: z.string(),
  field: z.string().nullish(),
  source: z.string().nullish(),
  value: z.string().nullish(),
});

export type EventWarning = z.infer<typeof warningSchema>;

export function parseWarnings(stored: string | null | undefined): EventWarning[] {
  if (!stored) return [];
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(stored));
    if (!parsed.success) return [];
    return parsed.data.flatMap((item) => {
      const warning = warningSchema.safeParse(item);
      return warning.success ? [warning.data] : [];
    });
  } catch {
    return [];
  }
}
