import { z } from "zod";

// What processing an event has achieved so far, stored on the event after every Ploomes answer. A retry reads it
// and continues from the next step instead of creating anything again.
const attempt = z.number().int().nonnegative();

/** The planner's steps that write to Ploomes: a write sent without an answer is remembered (`inFlight`). */
export const WRITE_STEPS = [
  "createCompany",
  "createPerson",
  "createDeal",
  "createLead",
  "createInteraction",
  "linkPerson",
  "updateLead",
] as const;

export const outcomeSchema = z.object({
  person: z
    .object({
      id: z.number().nullable(),
      how: z.enum(["email", "phone", "created", "none"]),
      companyId: z.number().nullish(),
      attempt,
    })
    .optional(),
  company: z.object({ id: z.number().nullable(), how: z.enum(["name", "created", "none"]), attempt }).optional(),
  personLinked: z.boolean().optional(),
  openDeal: z.object({ id: z.number().nullable(), title: z.string().nullish(), attempt }).optional(),
  deal: z.object({ id: z.number() }).optional(),
  /** `how`: "found" when an earlier lead of the visitor is reused (absent: created, or recovered, by this chat). */
  lead: z.object({ id: z.number(), how: z.enum(["created", "found"]).optional() }).optional(),
  /** The look-up for the visitor's existing lead, made before creating one. */
  leadLookup: z.object({ id: z.number().nullable(), attempt }).optional(),
  /** This chat's values (its message) were written onto the reused lead. */
  leadUpdated: z.boolean().optional(),
  interaction: z.object({ id: z.number() }).optional(),
  /** client_updated: the record that got the visitor's new name, e-mail or phone (lib/sync/apply-client-update.ts). */
  contactUpdate: z
    .object({
      entity: z.enum(["person", "lead", "none"]),
      id: z.number().nullable(),
      changed: z.array(z.string()),
      skipped: z.enum(["visitor_not_written", "record_not_found"]).optional(),
    })
    .optional(),
  /**
   * The write that was sent but whose answer was never stored (a crash, a timeout, a 500 after the write). The next
   * attempt looks for that record before writing it again.
   */
  inFlight: z.enum(WRITE_STEPS).optional(),
});

export type SyncOutcome = z.infer<typeof outcomeSchema>;

export function parseOutcome(stored: string | null | undefined): SyncOutcome {
  const parsed = outcomeSchema.safeParse(stored ? JSON.parse(stored) : {});
  return parsed.success ? parsed.data : {};
}

/**
 * A look-up that found nothing holds only while its job holds the visitor's identity locks: between two attempts
 * another job of the same visitor may have created the record. So a new attempt forgets the earlier attempts'
 * "not found" answers (and looks again); what they found stays found.
 */
export function forgetEarlierMisses(outcome: SyncOutcome, attempt: number): SyncOutcome {
  const stale = (result: { id: number | null; attempt: number } | undefined) =>
    result !== undefined && result.id === null && result.attempt !== attempt;
  const next = { ...outcome };
  if (stale(next.person)) delete next.person;
  if (stale(next.company)) delete next.company;
  if (stale(next.openDeal)) delete next.openDeal;
  if (stale(next.leadLookup)) delete next.leadLookup;
  return next;
}

export type WarningCode =
  | "no_contact_keys"
  | "no_person_name"
  | "no_company_name"
  | "value_not_converted"
  | "unknown_custom_field"
  | "invalid_email"
  | "invalid_phone"
  | "transcript_skipped_for_lead"
  | "owner_not_found"
  | "agent_suspended"
  | "default_owner_suspended";

export type SyncWarning = { code: WarningCode; field?: string; source?: string; value?: string };
