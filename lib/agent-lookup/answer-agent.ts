import { systemDb } from "@/lib/db/client";
import { connectionClient } from "@/lib/ploomes/connection-client";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import type { TokenIntegration } from "@/lib/integration-model/webhook-token";
import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { logger } from "@/lib/log/logger";
import { appUrl } from "@/lib/env";
import { recordHref } from "@/lib/sync/record-links";
import type { PloomesCallRecord } from "@/lib/ploomes/client";
import { BudgetUnavailableError } from "@/lib/ploomes/db-pacer";
import { PloomesError } from "@/lib/ploomes/errors";
import { phoneSearchCandidates } from "@/lib/phone/phone-candidates";
import { cachedMetadata } from "@/lib/ploomes/metadata";
import type { AgentAnswerReason, AgentAnswerRecord } from "./agent-answer-record";
import { buildAgentAnswer, type AgentAnswer, findVisitorInCrm, type VisitorInCrm } from "./visitor-answer";

/** JivoChat waits for this answer: whatever Ploomes does, it goes back well inside 2 s. */
export const AGENT_LOOKUP_BUDGET_MS = 1_500;
/** The longest one look-up call may wait for the budget (the interactive lane goes first, so normally 0). */
const BUDGET_WAIT_MS = AGENT_LOOKUP_BUDGET_MS / 3;
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 2_000;

// Short-lived, per process: chat_accepted and the chat_updated events that follow ask about the same visitor.
const cache = new Map<string, { at: number; value: VisitorInCrm | null }>();

function remember(key: string, value: VisitorInCrm | null) {
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), value });
}

export function clearAgentLookupCache() {
  cache.clear();
}

/** The answer JivoChat gets, what it meant for the agent (null: not an agent event), and the Ploomes calls made. */
export type AgentLookup = { answer: AgentAnswer; record: AgentAnswerRecord | null; calls: PloomesCallRecord[] };

function shownRecord(answer: AgentAnswer, found: VisitorInCrm, started: number, cached: boolean): AgentAnswerRecord {
  const deal = found.deals[0];
  return {
    shown: true,
    person: { id: found.person.Id, name: found.person.Name ?? null },
    deal: deal ? { id: deal.Id, title: deal.Title ?? null } : null,
    link: answer.crm_link ?? "",
    contactInfo: Object.keys(answer.contact_info ?? {}),
    ms: Math.round(performance.now() - started),
    cached,
  };
}

function nothing(reason: AgentAnswerReason, started: number, error: string | null = null): AgentAnswerRecord {
  return { shown: false, reason, error, ms: Math.round(performance.now() - started) };
}

/**
 * The answer to chat_accepted / chat_updated: the visitor's Ploomes client for the agent, or a plain ok when the
 * feature is off, the visitor is unknown, Ploomes fails or the time budget runs out (the event is stored anyway).
 */
export async function answerAgent(
  event: JivoEvent,
  integration: TokenIntegration,
  settings: IntegrationSettings | null,
): Promise<AgentLookup> {
  const started = performance.now();
  const calls: PloomesCallRecord[] = [];
  const plain = (record: AgentAnswerRecord | null): AgentLookup => ({ answer: { result: "ok" }, record, calls });
  if (event.eventName !== "chat_accepted" && event.eventName !== "chat_updated") return plain(null);
  if (!settings?.agentLookup) return plain(nothing("feature_off", started));
  if (!integration.connectionId || integration.status !== "active")
    return plain(nothing("integration_not_active", started));
  if (!event.visitor.email && phoneSearchCandidates(event.visitor.phone).length === 0)
    return plain(nothing("no_contact_data", started));
  const connection = await systemDb.ploomesConnection.findUnique({ where: { id: integration.connectionId } });
  if (!connection) return plain(nothing("integration_not_active", started));

  const key = `${connection.id}:${event.visitor.email ?? ""}:${event.visitor.phone ?? ""}`;
  // JivoChat opens the link outside this app: it must be absolute.
  const link = (kind: "contact" | "deal", id: number) => {
    const href = recordHref(kind === "contact" ? "person" : "deal", id, connection.isSandbox);
    return href.startsWith("/") ? `${appUrl()}${href}` : href;
  };
  const answered = (found: VisitorInCrm | null, cached: boolean): AgentLookup => {
    if (!found) return plain(nothing("not_found", started));
    const answer = buildAgentAnswer(event, found, link);
    return { answer, record: shownRecord(answer, found, started, cached), calls };
  };
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return answered(hit.value, true);

  const deadline = AbortSignal.timeout(AGENT_LOOKUP_BUDGET_MS);
  const client = connectionClient(connection, (call) => calls.push(call), {
    timeoutMs: AGENT_LOOKUP_BUDGET_MS,
    interactive: { maxWaitMs: BUDGET_WAIT_MS },
  });
  const lookup = findVisitorInCrm(client, event, () => cachedMetadata(connection.id, client, "pipelines"));
  const timedOut = new Promise<"timeout">((resolve) =>
    deadline.addEventListener("abort", () => resolve("timeout"), { once: true }),
  );
  try {
    const found = await Promise.race([lookup, timedOut]);
    if (found === "timeout") {
      lookup.catch(() => undefined);
      return plain(nothing("timeout", started));
    }
    remember(key, found);
    return answered(found, false);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ err: message, integrationId: integration.id }, "agent look-up failed");
    if (error instanceof BudgetUnavailableError) return plain(nothing("no_budget", started));
    return plain(
      nothing(
        error instanceof PloomesError && error.kind === "timeout" ? "timeout" : "ploomes_error",
        started,
        message.slice(0, 500),
      ),
    );
  }
}

/** Stores on the event what JivoChat was told, with the look-up's Ploomes calls; a failure here never fails the answer. */
export async function recordAgentAnswer(eventId: string, lookup: AgentLookup): Promise<void> {
  if (!lookup.record) return;
  try {
    await systemDb.$transaction([
      systemDb.webhookEvent.update({ where: { id: eventId }, data: { agentAnswer: JSON.stringify(lookup.record) } }),
      systemDb.ploomesCall.createMany({
        data: lookup.calls.map((call) => ({
          eventId,
          method: call.method,
          path: call.path,
          status: call.status ?? null,
          durationMs: Math.round(call.durationMs),
          error: call.error ? call.error.message.slice(0, 1000) : null,
        })),
      }),
    ]);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : error, eventId }, "could not store the agent answer");
  }
}
