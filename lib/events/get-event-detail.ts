import type { ScopedDb } from "@/lib/db/scoped-db";
import { env } from "@/lib/env";
import { parseAgentAnswer } from "@/lib/agent-lookup/agent-answer-record";
import { parseOutcome } from "@/lib/sync/sync-outcome";
import { describePlanEntry, parsePlan } from "./describe-plan";
import { eventStatusView } from "./event-status";
import { parseWarnings } from "./parse-warnings";
import { outcomeRecords } from "./record-links";

/** Pretty-printed when it is JSON; shown as received otherwise (that is what the receiver stored). */
function prettyPayload(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/** Everything the detail page shows about one event of the account, or null (also for another account's id). */
export async function getEventDetail(db: ScopedDb, id: string) {
  const event = await db.webhookEvent.findFirst({
    where: { id },
    include: {
      integration: { select: { id: true, name: true, connection: { select: { isSandbox: true } } } },
      job: { select: { status: true, attempts: true, runAt: true, lastError: true } },
      calls: {
        orderBy: { createdAt: "asc" },
        select: { id: true, method: true, path: true, status: true, durationMs: true, error: true, attempt: true, createdAt: true },
      },
    },
  });
  if (!event) return null;
  const outcome = parseOutcome(event.outcome);
  return {
    id: event.id,
    eventName: event.eventName,
    widgetId: event.widgetId,
    chatId: event.chatId,
    visitorName: event.visitorName,
    visitorEmail: event.visitorEmail,
    visitorPhone: event.visitorPhone,
    status: event.status,
    statusReason: event.statusReason,
    statusView: eventStatusView(event),
    deliveries: event.deliveries,
    receivedAt: event.receivedAt,
    processedAt: event.processedAt,
    integration: { id: event.integration.id, name: event.integration.name },
    job: event.job,
    records: outcomeRecords(outcome, event.integration.connection?.isSandbox ?? false),
    plan: parsePlan(event.plan).map((entry) => ({ ...entry, line: describePlanEntry(entry, outcome) })),
    warnings: parseWarnings(event.warnings),
    agentAnswer: parseAgentAnswer(event.agentAnswer),
    calls: event.calls,
    payload: event.rawPayload === null ? null : prettyPayload(event.rawPayload),
    purgedAt: event.purgedAt,
    retentionDays: env.RETENTION_DAYS,
  };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventDetail>>>;
