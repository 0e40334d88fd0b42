// npm run bench -- --only drain – a backlog of finished chats (--chats N, default 1,000, --quick 60) drained
// against the sandbox (120 requests per minute per tenant) with the app's budget (100/min): Ploomes calls per
// chat by behaviour, calls per minute used while the backlog lasts, 429s, time to drain. The workers are real
// `npm run worker` processes (--workers N; default 1 on SQLite, 2 on PostgreSQL); DATABASE_URL picks the database.
// --returning later (default) | together: whether a returning visitor's chat comes 40 chats after their first
// one (long since processed) or 4 chats after it — in the same stretch of the backlog, worked on at the same
// time, so the identity locks (one visitor, one client) serialise them.
import { resolveDatabase } from "../lib/db/resolve-database";
import { bin } from "../scripts/lib/run";
import { startRecordingProxy } from "../test/helpers/recording-proxy";
import { type BenchProcess, startProcess } from "./lib/app-process";
import { countOption, option, quick } from "./lib/bench-args";
import { appSqliteSettings, benchDatabase, describeSqlite, machineFacts, writeResults } from "./lib/bench-env";
import { finishedChat, visitor } from "./lib/jivo-payloads";

const BUDGET_PER_MINUTE = 100;
// The default burst (lib/env.ts), set explicitly so that the report checks the ceiling the workers really use.
const BURST = 18;
const SANDBOX_PER_MINUTE = 120;
const BEHAVIOURS = ["company_person_deal", "person_deal", "company_person", "lead"] as const;
const CHAT_ID_BASE = 100_000;
// One chat in five is a returning visitor. "later": they last chatted 40 chats earlier (same integration, long
// since processed, so the CRM already knows them). "together": 4 chats earlier — the same integration (chats
// are dealt to the integrations in turn), and both chats in the workers' hands at once.
const RETURNING_EVERY = 5;
const RETURNING = option("returning") ?? "later";
if (RETURNING !== "later" && RETURNING !== "together")
  throw new Error(`--returning must be "later" or "together" (got "${RETURNING}")`);
const RETURNING_GAP = RETURNING === "together" ? 4 : 40;
const POLL_MS = 2_000;

// A returning chat's own first chat is never a returning one (the gap is not a multiple of RETURNING_EVERY).
const isReturning = (chat: number) => chat >= RETURNING_GAP && chat % RETURNING_EVERY === RETURNING_EVERY - 1;
const visitorOf = (chat: number): number => (isReturning(chat) ? visitorOf(chat - RETURNING_GAP) : chat);

async function main() {
  const chats = countOption("chats", quick ? 60 : 1_000);
  const database = await benchDatabase("bench_drain");
  const provider = resolveDatabase(process.env.DATABASE_URL).provider;
  const workerCount = countOption("workers", provider === "postgresql" ? 2 : 1);
  const machine = machineFacts(provider);
  const { systemDb } = await import("@/lib/db/client");
  const { startTestServer } = await import("../test/helpers/test-server");
  const { deliver } = await import("../test/helpers/sandbox-integration");
  const { setupBehaviours } = await import("./lib/sandbox-setup");
  const { measureDrain, drainMarkdown } = await import("./lib/drain-report");
  const { effectiveBurst } = await import("@/lib/ploomes/db-pacer");

  const server = await startTestServer();
  const proxy = await startRecordingProxy(server.url);
  const workers: BenchProcess[] = [];
  const sightings = new Map<string, number>();
  try {
    const { integrations } = await setupBehaviours(proxy.url, BEHAVIOURS, SANDBOX_PER_MINUTE);
    // What the worker processes, opening the database after this one, end up with.
    if (provider === "sqlite") machine.database = describeSqlite(await appSqliteSettings());
    console.log(`Queueing ${chats} chats…`);
    for (let chat = 0; chat < chats; chat++) {
      const integration = integrations[chat % integrations.length]!;
      const body = finishedChat(CHAT_ID_BASE + chat, visitor(visitorOf(chat)));
      const answer = await deliver(`${server.url}/api/webhooks/jivo/${integration.token}`, body);
      if (answer.status !== 200) throw new Error(`delivery ${chat} answered ${answer.status}`);
    }
    proxy.arrivals.length = 0;

    const env = { ...process.env, PLOOMES_BUDGET_PER_MINUTE: String(BUDGET_PER_MINUTE), PLOOMES_BURST: String(BURST) };
    const startedAt = Date.now();
    for (let n = 1; n <= workerCount; n++)
      workers.push(startProcess(`drain-${provider}-worker-${n}`, bin("tsx"), ["scripts/worker.ts"], env));
    // ~6 calls for the costliest chat at the budget's pace, with room to spare; never unbounded.
    const deadline = startedAt + chats * 6 * (60_000 / BUDGET_PER_MINUTE) * 1.5 + 5 * 60_000;
    let backlogEndedAt: number | null = null;
    let lastReport = 0;
    for (;;) {
      if (Date.now() > deadline) throw new Error("the backlog did not drain before the deadline");
      const dead = workers.find((worker) => worker.child.exitCode !== null);
      if (dead) throw new Error(`a worker exited early, see ${dead.logFile}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const byStatus = await systemDb.job.groupBy({ by: ["status"], _count: { _all: true } });
      const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
      const running = await systemDb.job.groupBy({
        by: ["lockedBy"],
        where: { status: "running" },
        _count: { _all: true },
      });
      for (const row of running)
        if (row.lockedBy) sightings.set(row.lockedBy, (sightings.get(row.lockedBy) ?? 0) + row._count._all);
      if (backlogEndedAt === null && count("queued") === 0) backlogEndedAt = Date.now();
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        console.log(
          `${Math.round((Date.now() - startedAt) / 1000)} s: ${count("done")} done, ${count("queued")} queued, ${count("running")} running, ${count("failed")} failed`,
        );
      }
      if (backlogEndedAt !== null && count("queued") + count("running") === 0) {
        const facts = {
          chats,
          workers: workerCount,
          provider,
          returning: RETURNING,
          budgetPerMinute: BUDGET_PER_MINUTE,
          burst: effectiveBurst(BUDGET_PER_MINUTE, BURST, SANDBOX_PER_MINUTE),
          sandboxPerMinute: SANDBOX_PER_MINUTE,
          behaviours: BEHAVIOURS,
        };
        const run = {
          ...facts,
          isReturning,
          chatIdBase: CHAT_ID_BASE,
          startedAt,
          backlogEndedAt,
          drainedAt: Date.now(),
          arrivals: proxy.arrivals,
          sightings,
        };
        const result = await measureDrain(run);
        writeResults(
          RETURNING === "together" ? `drain-${provider}-returning-together` : `drain-${provider}`,
          { machine, ...facts, ...result },
          drainMarkdown(run, result),
        );
        return;
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await proxy.close();
    await server.close();
    await systemDb.$disconnect();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
