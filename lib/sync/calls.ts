import { systemDb } from "@/lib/db/client";
import { type IntegrationSettings, behaviourCreatesDeal } from "@/lib/integration-model/settings-schema";
import { type JivoEvent, parseJivoEvent } from "@/lib/jivo/normalize-event";
import { planNextStep, type PlanContext, type Step } from "./plan-next-step";
import type { SyncOutcome } from "./sync-outcome";

// Phone calls (call_event): which are acted on, and the planner of the record a call writes.

/** call.status values of a call that is over: `end`, or `error` (not connected: busy, no answer, failed). */
const FINISHED = new Set(["end", "error"]);
const CONNECTED = new Set(["agent_connected", "client_connected"]);

export function isConnectedStatus(status: string | null | undefined): boolean {
  return CONNECTED.has(status ?? "");
}

/**
 * Why a call_event is not recorded (null: it is): the integration records no calls, its behaviour writes only
 * leads (an interaction record needs a client), or the call is still going on (start, *_connected: the finished
 * call's own event records it).
 */
export function callIgnoredReason(
  event: JivoEvent,
  settings: Partial<Pick<IntegrationSettings, "recordCalls" | "behaviour">> | null,
): string | null {
  if (settings?.recordCalls === false) return "calls_disabled";
  if (settings?.behaviour === "lead") return "calls_need_client";
  if (!FINISHED.has(event.call?.status ?? "")) return "call_not_finished";
  return null;
}

export type CallFacts = {
  /** When the agent or the client picked up (from an earlier call_event of the same call), if known. */
  connectedAt: Date | null;
  /** Whether an earlier event of this call said it was ringing (start) — a call that rang and never connected was missed. */
  rang: boolean;
  endedAt: Date;
};

const DIRECTIONS: Record<string, string> = {
  incoming: "recebida",
  outgoing: "feita",
  callback: "de retorno (callback)",
};

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** A call was missed when it failed (status error) or rang and never connected. */
export function isMissedCall(event: JivoEvent, facts: CallFacts): boolean {
  return event.call?.status === "error" || (facts.rang && !facts.connectedAt);
}

/** The interaction record's text (pt-BR, like the chat transcripts): direction, outcome, phone, agent, duration, recording. */
export function describeCall(event: JivoEvent, facts: CallFacts, marker: string): string {
  const call = event.call!;
  const missed = isMissedCall(event, facts);
  const direction = DIRECTIONS[call.type ?? ""] ?? call.type ?? "—";
  const lines = [
    `Ligação ${direction} pelo JivoChat — ${missed ? "não atendida" : "atendida"}`,
    `Direção: ${direction}`,
    `Telefone: ${call.phone ?? event.visitor.phone ?? "não informado"}`,
    `Atendente: ${event.agent?.name ?? "não informado"}${event.agent?.email ? ` <${event.agent.email}>` : ""}`,
  ];
  if (!missed)
    lines.push(
      `Duração: ${facts.connectedAt ? formatDuration(facts.endedAt.getTime() - facts.connectedAt.getTime()) : "não informada"}`,
    );
  if (call.reason) lines.push(`Motivo: ${call.reason}`);
  if (call.recordUrl) lines.push(`Gravação: ${call.recordUrl}`);
  return `${lines.join("\n")}\n\n${marker}`;
}

/**
 * What the earlier call_events of the same call (JivoChat sends one per status change, stored as they came) tell
 * about it: whether it rang, and when someone picked up — the start of the conversation's duration.
 */
export async function callFacts(
  integrationId: string,
  event: JivoEvent,
  row: { id: string; receivedAt: Date },
): Promise<CallFacts> {
  const endedAt = event.eventAt ?? row.receivedAt;
  if (!event.chatId) return { connectedAt: null, rang: false, endedAt };
  const earlier = await systemDb.webhookEvent.findMany({
    where: {
      integrationId,
      eventName: "call_event",
      chatId: event.chatId,
      widgetId: event.widgetId,
      id: { not: row.id },
      receivedAt: { lte: row.receivedAt },
    },
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

export const callMarker = (event: JivoEvent) =>
  `[JivoChat ligação ${event.widgetId ?? "-"}/${event.chatId ?? event.visitor.number ?? "-"}]`;

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
    if (dealPipeline && !outcome.openDeal)
      return { kind: "findOpenDeal", personId: step.body.ContactId, pipelineId: dealPipeline };
    const dealId = outcome.openDeal?.id;
    return dealId ? { ...step, body: { ...step.body, DealId: dealId } } : step;
  };
}
