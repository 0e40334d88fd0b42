import type { ScopedDb } from "@/lib/db/scoped-db";
import { SAMPLE_PAYLOADS, type SampleName } from "@/lib/jivo/sample-payloads";

// The events that create records (chat_accepted only with "Criar cliente já no início do atendimento").
const PLANNED_EVENTS = ["chat_finished", "offline_message", "chat_accepted"];
const RECENT = 10;

/** What the dry run can plan: the integration's last received events (while their payload is kept) and the bundled samples. */
export async function loadDryRunSources(db: ScopedDb, integrationId: string) {
  const events = await db.webhookEvent.findMany({
    where: { integrationId: String(integrationId), eventName: { in: PLANNED_EVENTS }, rawPayload: { not: null } },
    orderBy: { receivedAt: "desc" },
    take: RECENT,
    select: { id: true, eventName: true, receivedAt: true, visitorName: true, visitorEmail: true, visitorPhone: true },
  });
  return { events, samples: Object.keys(SAMPLE_PAYLOADS) as SampleName[] };
}

export type DryRunSources = Awaited<ReturnType<typeof loadDryRunSources>>;
