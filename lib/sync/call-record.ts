import { systemDb } from "@/lib/db/client";
import { behaviourCreatesDeal } from "@/lib/integrations/settings-schema";
import { parseJivoEvent, type JivoEvent } from "@/lib/jivo/normalize-event";
import { describeCall, isConnectedStatus, type CallFacts } from "./call-event";
import { planNextStep, type PlanContext, type Step } from "./plan-next-step";
import type { SyncOutcome } from "./sync-outcome";

/**
 * What the earlier call_events of the same call (JivoChat sends one per status change, stored as they came) tell
 * about it: whether it rang, and when someone picked up — the start of the conversation's duration.
 */
export async function callFacts(integrationId: string, event: JivoEvent, row: { id: string; receivedAt: Date }): Promise<CallFacts> {
  const endedAt = event.eventAt ?? row.receivedAt;
  if (!event.chatId) return { connectedAt: null, rang: false, endedAt };
  const earlier = await systemDb.webhookEvent.findMany({
    where: { integrationId, eventName: "call_event", chatId: event.chatId, widgetId: event.widgetId, id: { not: row.id }, receivedAt: { lte: row.receivedAt } },
    orderBy: { receivedAt: "asc" },
    take: 20,
    select: { rawPayload: true, receivedAt: true },
  });
  let rang = false;
  let connectedAt: Date | null = null;
  for (const stored of earlier) {
    if (!stored.rawPayload) continue;
    const parsed = parseJivoEvent(JSON.parse(stored.rawPayload), { receivedAt: stored.receivedAt });
    if (!parsed.ok) continue;
    const status = parsed.event.call?.status;
    if (status === "start") rang = true;
    if (isConnectedStatus(status) && !connectedAt) connectedAt = parsed.event.eventAt ?? stored.receivedAt;
  }
  return { connectedAt, rang, endedAt };
}

export const callMarker = (event: JivoEvent) => `[JivoChat ligação ${event.widgetId ?? "-"}/${event.chatId ?? event.visitor.number ?? "-"}]`;

/**
 * The planner of a finished call: the chat's own rules find or create the client (company and person as the
 * behaviour says), never a deal; the call becomes an interaction record on the person, on their open deal in the
 * integration's funnel when they have one. Null for events that are not calls.
 */
export async function callPlanner(
  event: JivoEvent,
  ctx: PlanContext,
  facts: () => Promise<CallFacts>,
): Promise<((outcome: SyncOutcome) => Step | null) | null> {
  if (event.eventName !== "call_event" || !event.call) return null;
  const marker = callMarker(event);
  const known = await facts();
  const callCtx: PlanContext = {
    ...ctx,
    pipelineId: null,
    stageId: null,
    transcript: describeCall(event, known, marker),
    transcriptMarker: marker,
    transcriptDate: known.endedAt.toISOString(),
  };
  const dealPipeline = behaviourCreatesDeal(ctx.behaviour) ? ctx.pipelineId : null;
  return (outcome) => {
    const step = planNextStep(callCtx, outcome);
    if (step?.kind !== "createInteraction") return step;
    if (dealPipeline && !outcome.openDeal) return { kind: "findOpenDeal", personId: step.body.ContactId, pipelineId: dealPipeline };
    const dealId = outcome.openDeal?.id;
    return dealId ? { ...step, body: { ...step.body, DealId: dealId } } : step;
  };
}
