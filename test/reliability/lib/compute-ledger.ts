import { systemDb } from "@/lib/db/client";
import { parseOutcome, type SyncOutcome } from "@/lib/sync/sync-outcome";
import type { Burst, PlannedEvent } from "./plan-burst";
import type { DeliveryLog } from "./send-burst";
import type { FleetMember } from "./setup-fleet";

export type Ledger = {
  unique: number;
  /** Deliveries the sender saw answered 200 / re-deliveries counted on stored rows. */
  answered: number;
  deliveries: number;
  received: number;
  done: number;
  failed: number;
  ignored: number;
  /** Rows in any other status at the end (received, processing, retrying…): each one unbalances the ledger. */
  unsettled: Record<string, number>;
  created: Record<RecordKind, number>;
  expected: Record<RecordKind, number>;
  jobs: { total: number; retried: number; maxAttempts: number };
  calls: { total: number; byStatus: Record<string, number> };
  problems: string[];
  /** Tenants where the hub's "JivoChat" origin exists more than once (kept apart: a different fault, same rule). */
  duplicateOrigins: string[];
};

type RecordKind = "companies" | "persons" | "deals" | "interactions" | "leads" | "origins";
const RECORD_KINDS: RecordKind[] = ["companies", "persons", "deals", "interactions", "leads", "origins"];

type CreatedRecord = { id: number; tenantId: string; kind: RecordKind; email: string | null; personId: number | null };

function kindOf(entity: string, data: Record<string, unknown>): RecordKind | null {
  if (entity === "Contacts") return data.TypeId === 1 ? "companies" : "persons";
  if (entity === "Deals") return "deals";
  if (entity === "InteractionRecords") return "interactions";
  if (entity === "Leads") return "leads";
  if (entity === "Contacts@Origins") return "origins";
  return null;
}

/** The records an event's outcome must name, by kind. */
function referencedIds(kind: PlannedEvent["kind"], outcome: SyncOutcome): [RecordKind, number | undefined][] {
  if (kind === "offline") return [["leads", outcome.lead?.id]];
  return [
    // A returning visitor's company comes with their person, without a look-up of its own.
    ["companies", outcome.company?.id ?? outcome.person?.companyId ?? undefined],
    ["persons", outcome.person?.id ?? undefined],
    // A deal whose answer was lost is found again and reused: the outcome then names it as the open deal.
    ["deals", outcome.deal?.id ?? outcome.openDeal?.id ?? undefined],
    ["interactions", outcome.interaction?.id],
  ];
}

async function createdRecords(fleet: FleetMember[]): Promise<CreatedRecord[]> {
  const rows = await systemDb.sandboxRecord.findMany({
    where: { tenantId: { in: fleet.map((member) => member.tenantId) } },
    select: { id: true, tenantId: true, entity: true, data: true },
  });
  const seeds = new Map(fleet.map((member) => [member.tenantId, member.seedRecordIds]));
  return rows.flatMap((row) => {
    if (seeds.get(row.tenantId)?.has(row.id)) return [];
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const kind = kindOf(row.entity, data);
    const email = typeof data.Email === "string" ? data.Email.toLowerCase() : null;
    const person = data.PersonId ?? data.ContactId;
    return kind
      ? [{ id: row.id, tenantId: row.tenantId, kind, email, personId: typeof person === "number" ? person : null }]
      : [];
  });
}

/**
 * Balances a burst: what the sender delivered, what the receiver stored, what the queue did with it and what
 * the CRM holds. Every way the books can fail to balance is a line in `problems`.
 */
export async function computeLedger(
  fleet: FleetMember[],
  burst: Burst,
  log: DeliveryLog,
  options: { exactDeliveries: boolean },
): Promise<Ledger> {
  const problems: string[] = [];
  const integrationIds = fleet.map((member) => member.integrationId);
  const rows = await systemDb.webhookEvent.findMany({
    where: { integrationId: { in: integrationIds } },
    select: {
      id: true,
      integrationId: true,
      visitorEmail: true,
      chatId: true,
      status: true,
      statusReason: true,
      deliveries: true,
      outcome: true,
      job: { select: { status: true, attempts: true, lastError: true } },
    },
  });
  // Rows are found by their chat id (a returning visitor's chats share an e-mail), else by the visitor's e-mail.
  const rowsByKey = new Map<string, typeof rows>();
  const file = (key: string, row: (typeof rows)[number]) => rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
  for (const row of rows) {
    if (row.chatId) file(`${row.integrationId}|chat:${row.chatId}`, row);
    file(`${row.integrationId}|${row.visitorEmail}`, row);
  }
  const rowsOf = (event: PlannedEvent) =>
    rowsByKey.get(`${event.member.integrationId}|chat:${event.chatId}`) ??
    rowsByKey.get(`${event.member.integrationId}|${event.email}`) ??
    [];

  const records = await createdRecords(fleet);
  const recordsById = new Map(records.map((record) => [record.id, record]));
  // Who names each record: per-event records (transcripts) by event, per-visitor records (company, person, deal,
  // lead) by visitor identity — every chat of a returning visitor names the same ones.
  const references = new Map<number, Set<string>>();
  const identityRecords = new Map<string, Set<number>>();
  const expected = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
  const ledger = { done: 0, failed: 0, ignored: 0, deliveries: 0 };
  const unsettled: Record<string, number> = {};
  const tenantsAtWork = new Set<string>();

  for (const event of burst.events) {
    const label = `event ${event.n} (${event.kind}, integration ${event.member.index})`;
    const answered = log.answered.get(event.n) ?? 0;
    if (answered === 0) problems.push(`${label}: no delivery was answered 200`);
    const matches = rowsOf(event);
    if (matches.length !== 1) {
      problems.push(`${label}: ${matches.length} stored rows`);
      continue;
    }
    const row = matches[0]!;
    ledger.deliveries += row.deliveries;
    if (options.exactDeliveries ? row.deliveries !== answered : row.deliveries < answered) {
      problems.push(`${label}: ${row.deliveries} deliveries counted, ${answered} answered 200`);
    }
    if (row.status === "done" || row.status === "failed" || row.status === "ignored") ledger[row.status]++;
    else unsettled[row.status] = (unsettled[row.status] ?? 0) + 1;

    const wanted = event.kind === "ignored" ? "ignored" : event.member.doomed ? "failed" : "done";
    if (row.status !== wanted)
      problems.push(`${label}: ${row.status} (${row.statusReason ?? "no reason"}), expected ${wanted}`);
    if (event.kind === "ignored") {
      if (row.job) problems.push(`${label}: ignored but has a job`);
      continue;
    }
    if (!row.job) {
      problems.push(`${label}: queued kind without a job`);
      continue;
    }
    // A crash between the job's last write and its event's leaves them apart, e.g. a done job under "processing".
    if (row.job.status !== row.status) problems.push(`${label}: event ${row.status} but job ${row.job.status}`);
    if (wanted === "failed") {
      if (!/401/.test(row.statusReason ?? ""))
        problems.push(`${label}: failed for "${row.statusReason}", expected the refused key (401)`);
      if (row.job.lastError?.startsWith("gave up"))
        problems.push(`${label}: retried until exhausted instead of failing at once`);
      continue;
    }
    tenantsAtWork.add(event.member.tenantId);
    const identity = `${event.member.tenantId}|${event.visitor}`;
    for (const [kind, id] of referencedIds(event.kind, parseOutcome(row.outcome))) {
      const perEvent = kind === "interactions";
      const owner = perEvent ? `event ${event.n}` : `visitor ${event.visitor}`;
      const firstOfVisitor = !identityRecords.has(`${identity}|${kind}`);
      if (perEvent || firstOfVisitor) expected[kind]++;
      if (!perEvent)
        identityRecords.set(`${identity}|${kind}`, identityRecords.get(`${identity}|${kind}`) ?? new Set());
      if (id === undefined) {
        if (row.status === "done") problems.push(`${label}: done without a ${kind} id`);
        continue;
      }
      const record = recordsById.get(id);
      if (!record || record.kind !== kind || record.tenantId !== event.member.tenantId) {
        problems.push(`${label}: its ${kind} #${id} is not in its sandbox`);
      }
      references.set(id, (references.get(id) ?? new Set()).add(owner));
      if (!perEvent) identityRecords.get(`${identity}|${kind}`)!.add(id);
    }
  }
  // One visitor, one client: all the chats of a visitor name one company, one person, one deal.
  for (const [key, ids] of identityRecords) {
    if (ids.size > 1) {
      const [, visitor, kind] = key.split("|");
      problems.push(`visitor ${visitor}: ${ids.size} ${kind} (#${[...ids].join(", #")}) for one identity`);
    }
  }

  const emails = new Map(burst.events.map((event) => [event.visitor, event]));
  const created = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKind, number>;
  const originsPerTenant = new Map<string, number>();
  for (const record of records) {
    created[record.kind]++;
    if (record.kind === "origins") {
      originsPerTenant.set(record.tenantId, (originsPerTenant.get(record.tenantId) ?? 0) + 1);
      continue;
    }
    const owners = [...(references.get(record.id) ?? [])];
    if (owners.length !== 1) {
      // Deals and interactions carry no e-mail: name the visitor through the person they were written on.
      const email =
        record.email ?? (record.personId === null ? null : (recordsById.get(record.personId)?.email ?? null));
      const who = email ? ` (${email}, event ${emails.get(email)?.n ?? "?"})` : "";
      problems.push(
        `${record.kind} #${record.id}${who} is named by ${owners.length ? owners.join(" and ") : "no event"}: ${owners.length ? "shared" : "created twice or orphaned"}`,
      );
    }
  }
  // Every tenant that wrote a chat has the one "JivoChat" origin the hub creates on first use.
  expected.origins = tenantsAtWork.size;
  const duplicateOrigins = [...originsPerTenant]
    .filter(([, count]) => count > 1)
    .map(([tenantId, count]) => `tenant ${tenantId}: the "JivoChat" origin was created ${count} times`);
  for (const member of fleet.filter((m) => m.doomed)) {
    const stray = records.filter((record) => record.tenantId === member.tenantId).length;
    if (stray > 0) problems.push(`doomed integration ${member.index}: ${stray} records created with a refused key`);
  }
  const received = rows.length;
  if (received !== burst.events.length)
    problems.push(`${received} rows stored for ${burst.events.length} unique events`);
  if (received !== ledger.done + ledger.failed + ledger.ignored) {
    problems.push(
      `received ${received} ≠ processed ${ledger.done} + failed ${ledger.failed} + ignored ${ledger.ignored}`,
    );
  }
  for (const unexpected of log.unexpected)
    problems.push(`event ${unexpected.n}: answered ${unexpected.status} ${unexpected.body}`);

  const jobs = rows.flatMap((row) => (row.job ? [row.job] : []));
  const calls = await systemDb.ploomesCall.groupBy({
    by: ["status"],
    where: { event: { integrationId: { in: integrationIds } } },
    _count: { _all: true },
  });
  const twice = await systemDb.ploomesCall.groupBy({
    by: ["eventId", "path"],
    where: { event: { integrationId: { in: integrationIds } }, method: "POST", status: { gte: 200, lt: 300 } },
    _count: { _all: true },
    having: { eventId: { _count: { gt: 1 } } },
  });
  // A chat writes two contacts (its company and its person); any other write happens once per event.
  for (const entry of twice) {
    if (entry.path === "/Contacts" && entry._count._all === 2) continue;
    problems.push(`event row ${entry.eventId}: POST ${entry.path} succeeded ${entry._count._all} times`);
  }

  return {
    unique: burst.events.length,
    answered: [...log.answered.values()].reduce((sum, count) => sum + count, 0),
    deliveries: ledger.deliveries,
    received,
    done: ledger.done,
    failed: ledger.failed,
    ignored: ledger.ignored,
    unsettled,
    created,
    expected,
    jobs: {
      total: jobs.length,
      retried: jobs.filter((job) => job.attempts > 1).length,
      maxAttempts: Math.max(0, ...jobs.map((job) => job.attempts)),
    },
    calls: {
      total: calls.reduce((sum, group) => sum + group._count._all, 0),
      byStatus: Object.fromEntries(calls.map((group) => [String(group.status ?? "none"), group._count._all])),
    },
    problems,
    duplicateOrigins,
  };
}
