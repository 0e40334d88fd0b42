import type { JivoEvent } from "@/lib/jivo/normalize-event";
import type { IntegrationSettings } from "@/lib/integrations/settings-schema";

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

const DIRECTIONS: Record<string, string> = { incoming: "recebida", outgoing: "feita", callback: "de retorno (callback)" };

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
  if (!missed) lines.push(`Duração: ${facts.connectedAt ? formatDuration(facts.endedAt.getTime() - facts.connectedAt.getTime()) : "não informada"}`);
  if (call.reason) lines.push(`Motivo: ${call.reason}`);
  if (call.recordUrl) lines.push(`Gravação: ${call.recordUrl}`);
  return `${lines.join("\n")}\n\n${marker}`;
}
