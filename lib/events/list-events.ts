import type { Prisma } from "@prisma/client";
import { isPostgres } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { parseAgentAnswer } from "@/lib/agent-lookup/agent-answer-record";
import { parseOutcome } from "@/lib/sync/sync-outcome";
import type { EventFilters } from "./event-filters";
import { eventStatusView } from "./event-status";
import { outcomeRecords } from "./record-links";
import { addDays, dayStart } from "./sao-paulo-day";

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
  return { events, total, page: filters.page, pageSize: PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export type EventList = Awaited<ReturnType<typeof listEvents>>;
export type EventRow = EventList["events"][number];
