import { systemDb } from "@/lib/db/client";
import { connectionClient } from "@/lib/integrations/connection-client";
import type { IntegrationSettings } from "@/lib/integrations/settings-schema";
import type { TokenIntegration } from "@/lib/integrations/webhook-token";
import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { logger } from "@/lib/log/logger";
import { appUrl } from "@/lib/env";
import { recordHref } from "@/lib/events/record-links";
import { cachedMetadata } from "@/lib/sync/ploomes-metadata";
import { buildAgentAnswer, type AgentAnswer } from "./build-agent-answer";
import { findVisitorInCrm, type VisitorInCrm } from "./find-visitor-in-crm";

/** JivoChat waits for this answer: whatever Ploomes does, it goes back well inside 2 s. */
export const AGENT_LOOKUP_BUDGET_MS = 1_500;
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

/**
 * The answer to chat_accepted / chat_updated: the visitor's Ploomes client for the agent, or a plain ok when the
 * feature is off, the visitor is unknown, Ploomes fails or the time budget runs out (the event is stored anyway).
 */
export async function answerAgent(
  event: JivoEvent,
  integration: TokenIntegration,
  settings: IntegrationSettings | null,
): Promise<AgentAnswer> {
  if (event.eventName !== "chat_accepted" && event.eventName !== "chat_updated") return { result: "ok" };
  if (!settings?.agentLookup || !integration.connectionId || integration.status !== "active") return { result: "ok" };
  const connection = await systemDb.ploomesConnection.findUnique({ where: { id: integration.connectionId } });
  if (!connection) return { result: "ok" };

  const key = `${connection.id}:${event.visitor.email ?? ""}:${event.visitor.phone ?? ""}`;
  // JivoChat opens the link outside this app: it must be absolute.
  const link = (kind: "contact" | "deal", id: number) => {
    const href = recordHref(kind === "contact" ? "person" : "deal", id, connection.isSandbox);
    return href.startsWith("/") ? `${appUrl()}${href}` : href;
  };
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return buildAgentAnswer(event, hit.value, link);

  const deadline = AbortSignal.timeout(AGENT_LOOKUP_BUDGET_MS);
  const client = connectionClient(connection, undefined, {
    timeoutMs: AGENT_LOOKUP_BUDGET_MS,
    interactive: { maxWaitMs: AGENT_LOOKUP_BUDGET_MS / 3 },
  });
  const lookup = findVisitorInCrm(client, event, () => cachedMetadata(connection.id, client, "pipelines"));
  const timedOut = new Promise<"timeout">((resolve) => deadline.addEventListener("abort", () => resolve("timeout"), { once: true }));
  try {
    const found = await Promise.race([lookup, timedOut]);
    if (found === "timeout") {
      lookup.catch(() => undefined);
      return { result: "ok" };
    }
    remember(key, found);
    return buildAgentAnswer(event, found, link);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : error, integrationId: integration.id }, "agent look-up failed");
    return { result: "ok" };
  }
}
