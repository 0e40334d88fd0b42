// npx tsx bench/event-log-query.ts – seeds 100,000 events in a throw-away database and times the event log's
// queries (first page, filtered page, text search, last page, dashboard). Not a test: numbers vary by machine.
// Uses SQLite unless DATABASE_URL points at PostgreSQL (the Prisma client must then be generated for it).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { bin, run } from "../scripts/lib/run";
import { createTestDatabase } from "../scripts/lib/test-database";

const EVENTS = Number(process.argv[2] ?? 100_000);
const NOISE_EVENTS = 20_000;
const RUNS = 7;
const NAMES = [
  "Mariana Silva",
  "João Souza",
  "Ana Pereira",
  "Carlos Lima",
  "Beatriz Costa",
  "Rafael Alves",
  "Fernanda Rocha",
];
const STATUSES = [
  ...Array(80).fill("done"),
  ...Array(6).fill("failed"),
  ...Array(10).fill("ignored"),
  "retrying",
  "retrying",
  "received",
  "paused",
];

async function main() {
  const database = await createTestDatabase("bench");
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  await run(bin("prisma"), ["migrate", "deploy"], { env: process.env, stdio: "ignore" });
  // Imported only now: the db client reads DATABASE_URL when its module loads.
  const { systemDb } = await import("../lib/db/client");
  const { scopedDb } = await import("../lib/db/scoped-db");
  const { parseEventFilters } = await import("../lib/events/event-filters");
  const { listEvents } = await import("../lib/events/event-log");
  const { getEventDashboard } = await import("../lib/events/event-dashboard");

  try {
    const account = await systemDb.account.create({ data: { name: "Bench" } });
    const noise = await systemDb.account.create({ data: { name: "Noise" } });
    const integrations = await Promise.all(
      [account.id, account.id, noise.id].map((accountId, index) =>
        systemDb.integration.create({ data: { accountId, name: `Jivo ${index}`, status: "active" } }),
      ),
    );
    const now = Date.now();
    const seedStart = performance.now();
    await seed(systemDb, EVENTS, (index) => integrations[index % 2]!, now);
    await seed(systemDb, NOISE_EVENTS, () => integrations[2]!, now);
    console.log(
      `seeded ${EVENTS} + ${NOISE_EVENTS} events (with jobs) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const db = scopedDb(account.id);
    const day = (offset: number) => new Date(now - offset * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, () => Promise<unknown>][] = [
      ["first page", () => listEvents(db, parseEventFilters({}))],
      ["status=failed", () => listEvents(db, parseEventFilters({ status: "failed" }))],
      ["status=failed, page 10", () => listEvents(db, parseEventFilters({ status: "failed", page: "10" }))],
      [
        "integration + 7-day period",
        () => listEvents(db, parseEventFilters({ integration: integrations[1]!.id, from: day(7), to: day(0) })),
      ],
      ["search 'silva' (name)", () => listEvents(db, parseEventFilters({ q: "silva" }))],
      ["search '4321-77' (phone, rare)", () => listEvents(db, parseEventFilters({ q: "4321-77" }))],
      ["search with no match", () => listEvents(db, parseEventFilters({ q: "zzz-nobody" }))],
      ["last page (offset 99,950)", () => listEvents(db, parseEventFilters({ page: String(Math.ceil(EVENTS / 50)) }))],
      ["dashboard", () => getEventDashboard(db)],
    ];
    console.log(`\n${"query".padEnd(34)}${"median ms".padStart(10)}${"max ms".padStart(10)}`);
    for (const [name, query] of cases) {
      await query();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await query();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${name.padEnd(34)}${times[Math.floor(RUNS / 2)]!.toFixed(1).padStart(10)}${times.at(-1)!.toFixed(1).padStart(10)}`,
      );
    }
  } finally {
    await systemDb.$disconnect();
    await database.drop();
  }
}

type Db = (typeof import("../lib/db/client"))["systemDb"];

async function seed(
  db: Db,
  count: number,
  integrationOf: (index: number) => { id: string; accountId: string },
  now: number,
) {
  const BATCH = 5_000;
  for (let start = 0; start < count; start += BATCH) {
    const events = [];
    const jobs = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      const integration = integrationOf(index);
      const status = STATUSES[index % STATUSES.length]!;
      const name = NAMES[index % NAMES.length]!;
      const id = randomUUID();
      // Spread over 120 days, newest last.
      const receivedAt = new Date(now - (count - index) * ((120 * 86_400_000) / count));
      events.push({
        id,
        accountId: integration.accountId,
        integrationId: integration.id,
        eventName: "chat_finished",
        widgetId: "widget-1",
        chatId: String(100_000_000 + index),
        dedupeKey: `bench-${index}`,
        visitorName: `${name} ${index}`,
        visitorEmail: `${name.split(" ")[0]!.toLowerCase()}.${index}@example.com.br`,
        visitorPhone: `(11) 9${String(index).padStart(4, "0")}-${String(index % 10_000).padStart(4, "0")}`,
        rawPayload: JSON.stringify({ event_name: "chat_finished", chat_id: index, visitor: { name } }),
        status,
        outcome:
          status === "done"
            ? JSON.stringify({
                person: { id: index, how: "created", companyId: null, attempt: 1 },
                deal: { id: index },
              })
            : "{}",
        receivedAt,
      });
      if (status !== "ignored" && status !== "paused") {
        const jobStatus = status === "retrying" || status === "received" ? "queued" : status;
        jobs.push({
          eventId: id,
          chatKey: `${integration.id}:${index}`,
          status: jobStatus,
          createdAt: receivedAt,
          runAt: receivedAt,
        });
      }
    }
    await db.webhookEvent.createMany({ data: events });
    await db.job.createMany({ data: jobs });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
