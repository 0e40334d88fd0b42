import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { phoneSearchCandidates } from "@/lib/phone/phone-candidates";
import type { PloomesClient } from "@/lib/ploomes/client";
import type { Contact, Deal, Pipeline } from "@/lib/ploomes/schemas";

export type VisitorInCrm = { person: Contact; deals: Deal[]; pipelines: Pipeline[] };

/**
 * The Ploomes client behind a chat's visitor (same matching as the sync: e-mail first, then phone), with their
 * company, owner and open deals. Three calls at most; the caller bounds the time.
 */
export async function findVisitorInCrm(
  client: PloomesClient,
  event: JivoEvent,
  pipelines: () => Promise<Pipeline[]>,
): Promise<VisitorInCrm | null> {
  const email = event.visitor.email;
  const phones = phoneSearchCandidates(event.visitor.phone);
  if (!email && phones.length === 0) return null;
  const found = await client.findPersonByEmailOrPhones(email, phones);
  if (!found) return null;
  const [person, deals, funnels] = await Promise.all([
    client.getContact(found.person.Id),
    client.listOpenDealsOfContact(found.person.Id),
    pipelines(),
  ]);
  return { person: person ?? found.person, deals, pipelines: funnels };
}
