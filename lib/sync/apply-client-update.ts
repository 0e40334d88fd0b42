import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { phoneSearchCandidates, ploomesPhone } from "@/lib/phone/phone-candidates";
import type { PloomesClient } from "@/lib/ploomes/client";
import type { PhoneInput } from "@/lib/ploomes/input-schemas";
import { findVisitorRecords } from "./visitor-link";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ClientUpdateResult = {
  entity: "person" | "lead" | "none";
  id: number | null;
  /** The properties sent (empty: Ploomes already had every value). */
  changed: string[];
  /** Why nothing was written: the integration never wrote this visitor, or the record is gone from Ploomes. */
  skipped?: "visitor_not_written" | "record_not_found";
};

type StoredPhone = { PhoneNumber?: string | null; TypeId?: number | null; CountryId?: number | null };

const filled = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** The stored phones plus the new one when none of them is the same number in another format; never fewer. */
function phonesWith(stored: StoredPhone[], raw: string | null): PhoneInput[] | null {
  const phone = ploomesPhone(raw);
  if (!phone) return null;
  const candidates = new Set(phoneSearchCandidates(raw));
  const known = stored.some((existing) =>
    phoneSearchCandidates(existing.PhoneNumber).some((number) => candidates.has(number)),
  );
  if (known) return null;
  const kept: PhoneInput[] = stored
    .filter((existing) => filled(existing.PhoneNumber))
    .map((existing) => ({
      PhoneNumber: existing.PhoneNumber!,
      ...(existing.TypeId ? { TypeId: existing.TypeId } : {}),
      ...(existing.CountryId ? { CountryId: existing.CountryId } : {}),
    }));
  // Ploomes' country ids are only known for Brazil (as for chats: build-record-bodies).
  return [...kept, phone.CountryId ? phone : { PhoneNumber: phone.PhoneNumber }];
}

/**
 * client_updated: the agent or the visitor filled in a name, e-mail or phone. The Ploomes client the integration
 * already wrote for this visitor (a person, else a lead) gets the new values: phones are added, never removed; a
 * blank value never overwrites one; a visitor the integration never wrote is left alone (nothing is created).
 * Read-then-PATCH from Ploomes' current state, so a retry writes the same or nothing.
 */
export async function applyClientUpdate(
  client: PloomesClient,
  integrationId: string,
  event: JivoEvent,
): Promise<ClientUpdateResult> {
  const records = await findVisitorRecords(integrationId, event);
  if (!records || (records.personId === null && records.leadId === null))
    return { entity: "none", id: null, changed: [], skipped: "visitor_not_written" };
  const name = filled(event.visitor.name);
  const emailText = filled(event.visitor.email)?.toLowerCase() ?? null;
  const email = emailText && EMAIL.test(emailText) ? emailText : null;

  if (records.personId !== null) {
    const person = await client.getContactForUpdate(records.personId);
    if (!person) return { entity: "person", id: records.personId, changed: [], skipped: "record_not_found" };
    const patch: { Name?: string; Email?: string; Phones?: PhoneInput[] } = {};
    if (name && name !== person.Name) patch.Name = name;
    if (email && email !== person.Email?.toLowerCase()) patch.Email = email;
    const phones = phonesWith(person.Phones ?? [], event.visitor.phone);
    if (phones) patch.Phones = phones;
    const changed = Object.keys(patch);
    if (changed.length) await client.updateContact(person.Id, patch);
    return { entity: "person", id: person.Id, changed };
  }

  const lead = await client.getLeadForUpdate(records.leadId!);
  if (!lead) return { entity: "lead", id: records.leadId, changed: [], skipped: "record_not_found" };
  const patch: { PersonName?: string; Email?: string; Phones?: PhoneInput[] } = {};
  if (name && name !== lead.PersonName) patch.PersonName = name;
  if (email && email !== lead.Email?.toLowerCase()) patch.Email = email;
  const phones = phonesWith(lead.Phones ?? [], event.visitor.phone);
  if (phones) patch.Phones = phones;
  const changed = Object.keys(patch);
  if (changed.length) await client.updateLead(lead.Id, patch);
  return { entity: "lead", id: lead.Id, changed };
}
