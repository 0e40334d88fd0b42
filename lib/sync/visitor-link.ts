import { systemDb } from "@/lib/db/client";
import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { parseOutcome, type SyncOutcome } from "./sync-outcome";

export type VisitorRecords = { personId: number | null; companyId: number | null; leadId: number | null };

/** JivoChat's number for the visitor: `client_id` on client events, `visitor.number` in chats. */
export function visitorNumberOf(event: JivoEvent): string | null {
  return event.clientId ?? event.visitor.number ?? null;
}

/** What a processed chat wrote or reused for its visitor, if anything. */
export function recordsOfOutcome(outcome: SyncOutcome): VisitorRecords | null {
  const personId = outcome.person?.id ?? null;
  const leadId = outcome.lead?.id ?? null;
  if (personId === null && leadId === null) return null;
  return { personId, companyId: outcome.company?.id ?? outcome.person?.companyId ?? null, leadId };
}

/**
 * Remembers, after a chat went through, which Ploomes records belong to its visitor (per integration and channel).
 * Later chats of the same visitor overwrite it with what they found; a lead stays until a person replaces it.
 */
export async function rememberVisitor(integrationId: string, event: JivoEvent, outcome: SyncOutcome): Promise<void> {
  const visitorNumber = visitorNumberOf(event);
  const records = recordsOfOutcome(outcome);
  if (!visitorNumber || !records) return;
  const key = { integrationId, widgetId: event.widgetId ?? "-", visitorNumber };
  const data = {
    ...(records.personId !== null ? { personId: records.personId, companyId: records.companyId } : {}),
    ...(records.leadId !== null ? { leadId: records.leadId } : {}),
  };
  await systemDb.visitorLink.upsert({
    where: { integrationId_widgetId_visitorNumber: key },
    create: { ...key, ...data },
    update: data,
  });
}

/**
 * The records the integration wrote for this visitor: the link its chats left, else (chats processed before links
 * were kept) the newest finished chat of the integration with the visitor's e-mail or phone. Null: never written.
 */
export async function findVisitorRecords(integrationId: string, event: JivoEvent): Promise<VisitorRecords | null> {
  const visitorNumber = visitorNumberOf(event);
  if (visitorNumber) {
    const links = await systemDb.visitorLink.findMany({
      where: { integrationId, visitorNumber },
      orderBy: { updatedAt: "desc" },
    });
    const link = links.find((row) => row.widgetId === (event.widgetId ?? "-")) ?? links[0];
    if (link) return { personId: link.personId, companyId: link.companyId, leadId: link.leadId };
  }
  const keys = [
    ...(event.visitor.email ? [{ visitorEmail: event.visitor.email }] : []),
    ...(event.visitor.phone ? [{ visitorPhone: event.visitor.phone }] : []),
  ];
  if (keys.length === 0) return null;
  const earlier = await systemDb.webhookEvent.findMany({
    where: {
      integrationId,
      status: "done",
      eventName: { in: ["chat_finished", "offline_message", "chat_accepted"] },
      OR: keys,
    },
    orderBy: { receivedAt: "desc" },
    take: 5,
    select: { outcome: true },
  });
  for (const row of earlier) {
    const records = recordsOfOutcome(parseOutcome(row.outcome));
    if (records) return records;
  }
  return null;
}
