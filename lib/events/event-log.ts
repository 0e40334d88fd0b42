import type { Prisma } from "@prisma/client";
import { parseAgentAnswer } from "@/lib/agent-lookup/agent-answer-record";
import { isPostgres } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { env } from "@/lib/env";
import { outcomeRecords } from "@/lib/sync/record-links";
import { parseOutcome } from "@/lib/sync/sync-outcome";
import { describePlanEntry, parsePlan, parseWarnings } from "./describe-plan";
import { type EventFilters, addDays, dayStart } from "./event-filters";
import { eventStatusView } from "./event-status";

// The event log: its list (filtered, paged) and one event's detail.

export const PAGE_SIZE = 50;

/**
 * A case-insensitive substring match on both databases. PostgreSQL: ILIKE, with LIKE's wildcards escaped so "50%"
 * means the text. SQLite: LIKE is already case-insensitive for ASCII (the receiver stores e-mails lower-cased, so
 * only accented letters in names differ by case) and has no default escape character, so `%`/`_` in a term
 * widen the match a little instead of failing it.
 */
function containsText(term: string): Prisma.StringNullableFilter<"WebhookEvent"> {
  if (!isPostgres) return { contains: term };
  // Spread in: the client is generated from the SQLite schema in development, whose filter type has no `mode`.
  return { contains: term.replace(/[\\%_]/g, "\\$&"), ...{ mode: "insensitive" as const } };
}

export function eventsWhere(filters: EventFilters): Prisma.WebhookEventWhereInput {
  const where: Prisma.WebhookEventWhereInput = {};
  if (filters.status === "duplicate") where.deliveries = { gt: 1 };
  else if (filters.status) where.status = filters.status;
  if (filters.integration) where.integrationId = filters.integration;
  if (filters.from || filters.to) {
    where.receivedAt = {
      gte: filters.from ? dayStart(filters.from) : undefined,
      lt: filters.to ? dayStart(addDays(filters.to, 1)) : undefined,
    };
  }
  if (filters.q) {
    const text = containsText(filters.q);
    where.OR = [{ visitorName: text }, { visitorEmail: text }, { visitorPhone: text }, { chatId: text }];
  }
  return where;
}

/**
 * One page of the account's log, newest first, with the total for the pager. Offset paging: both orders walk
 * the `[accountId, receivedAt]` / `[accountId, status, receivedAt]` indexes, and page numbers fit a URL.
 */
export async function listEvents(db: ScopedDb, filters: EventFilters) {
  const where = eventsWhere(filters);
  const [total, rows] = await Promise.all([
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({
      where,
      orderBy: { receivedAt: "desc" },
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        receivedAt: true,
        eventName: true,
        widgetId: true,
        chatId: true,
        visitorName: true,
        visitorEmail: true,
        visitorPhone: true,
        status: true,
        deliveries: true,
        outcome: true,
        agentAnswer: true,
        integration: { select: { id: true, name: true, connection: { select: { isSandbox: true } } } },
        job: { select: { status: true, runAt: true } },
      },
    }),
  ]);
  const events = rows.map(({ outcome, agentAnswer, integration, job, deliveries, ...event }) => ({
    ...event,
    agentAnswer: parseAgentAnswer(agentAnswer),
    integrationName: integration.name,
    statusView: eventStatusView({ status: event.status, deliveries, job }),
    records: outcomeRecords(parseOutcome(outcome), integration.connection?.isSandbox ?? false),
  }));
  return {
    events,
    total,
    page: filters.page,
    pageSize: PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export type EventList = Awaited<ReturnType<typeof listEvents>>;
export type EventRow = EventList["events"][number];

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
        select: {
          id: true,
          method: true,
          path: true,
          status: true,
          durationMs: true,
          error: true,
          attempt: true,
          createdAt: true,
        },
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
