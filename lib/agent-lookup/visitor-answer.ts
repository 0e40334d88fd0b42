import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { phoneSearchCandidates } from "@/lib/phone/phone-candidates";
import type { PloomesClient } from "@/lib/ploomes/client";
import type { Contact, Deal, Pipeline } from "@/lib/ploomes/schemas";

// The visitor in the CRM and the answer an agent sees about them.

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

export type AgentAnswer = {
  result: "ok";
  custom_data?: { title: string; content: string }[];
  contact_info?: { name?: string; email?: string; phone?: string };
  crm_link?: string;
  enable_assign?: boolean;
};

const money = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/**
 * What JivoChat shows the agent for chat_accepted / chat_updated: who the visitor is in Ploomes. Pure, so the
 * wording is tested without a CRM. Labels are pt-BR: they appear inside JivoChat for a Brazilian team.
 */
export function buildAgentAnswer(
  event: JivoEvent,
  found: VisitorInCrm | null,
  link: (kind: "contact" | "deal", id: number) => string,
): AgentAnswer {
  if (!found) return { result: "ok" };
  const { person, deals, pipelines } = found;
  const rows: { title: string; content: string }[] = [
    { title: "Cliente no Ploomes", content: `${person.Name} (#${person.Id})` },
  ];
  if (person.Company?.Name) rows.push({ title: "Empresa", content: person.Company.Name });
  if (person.Owner?.Name) rows.push({ title: "Responsável", content: person.Owner.Name });
  const deal = deals[0];
  if (deal) {
    const pipeline = pipelines.find((p) => p.Id === deal.PipelineId);
    const stage = pipeline?.Stages?.find((s) => s.Id === deal.StageId);
    const where = [pipeline?.Name, stage?.Name].filter(Boolean).join(" › ");
    const amount = typeof deal.Amount === "number" && deal.Amount > 0 ? ` — ${money.format(deal.Amount)}` : "";
    rows.push({
      title: "Negócio aberto",
      content: `${deal.Title ?? `#${deal.Id}`}${where ? ` (${where})` : ""}${amount}`,
    });
    if (deals.length > 1) rows.push({ title: "Outros negócios abertos", content: String(deals.length - 1) });
  }
  const contactInfo: AgentAnswer["contact_info"] = {};
  if (!event.visitor.name && person.Name) contactInfo.name = person.Name;
  if (!event.visitor.email && person.Email) contactInfo.email = person.Email;
  const phone = person.Phones?.[0]?.PhoneNumber;
  if (!event.visitor.phone && phone) contactInfo.phone = phone;
  return {
    result: "ok",
    custom_data: rows,
    ...(Object.keys(contactInfo).length ? { contact_info: contactInfo } : {}),
    crm_link: deal ? link("deal", deal.Id) : link("contact", person.Id),
  };
}
