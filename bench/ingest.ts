// npm run bench -- --only ingest – webhook receiver throughput: the production build (`next start`, worker off)
// against a bare node:http + better-sqlite3 server doing the same durable insert, both loaded by autocannon at
// 10/100/200 connections on this machine, then at a steady 100 req/s; plus, to explain the gap, the framework's
// floor (GET /api/health: one SELECT 1 through Next and Prisma) and the handler's own cost outside Next.
// Options: --seconds N per run (default 20, --quick 5); --profile writes a CPU profile of the app server to
// data/bench/profiles.
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { ensureBuild } from "../scripts/lib/ensure-build";
import { bin, run } from "../scripts/lib/run";
import { createTestDatabase } from "../scripts/lib/test-database";
import { sparePort } from "../scripts/lib/spare-port";
import { startApp, startProcess, waitUntilUp } from "./lib/app-process";
import { countOption, quick } from "./lib/bench-args";
import { appSqliteSettings, benchDatabase, describeSqlite, machineFacts, table, writeResults } from "./lib/bench-env";
import { ingestBodies } from "./lib/jivo-payloads";
import { type LoadResult, load, paced } from "./lib/load";
import { round } from "./lib/stats";

const LEVELS = [10, 100, 200];
const PACED_PER_SECOND = 100;
const WARM_UP_SECONDS = 5;
const HANDLER_CALLS = 2_000;
const TARGETS = { ratio: 0.4, p99AtHundredMs: 50 };

const fileOf = (url: string) => url.slice("file:".length);

function storedIn(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const events = db
      .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM("deliveries"), 0) AS d FROM "WebhookEvent"`)
      .get() as { n: number; d: number };
    const jobs = db.prepare(`SELECT COUNT(*) AS n FROM "Job"`).get() as { n: number };
    return { events: events.n, deliveries: events.d, jobs: jobs.n };
  } finally {
    db.close();
  }
}

async function main() {
  const seconds = countOption("seconds", quick ? 5 : 20);
  const profile = process.argv.includes("--profile");
  const machine = machineFacts("sqlite");
  await ensureBuild("sqlite");

  const appDb = await benchDatabase("bench_ingest_app");
  const bareDb = await createTestDatabase("bench_ingest_bare");
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: bareDb.url },
    stdio: "ignore",
  });
  const { systemDb } = await import("@/lib/db/client");
  const { seedAccount, seedIntegration } = await import("../test/helpers/seed");
  const { receiveJivoEvent } = await import("@/lib/webhooks/receive-jivo-event");
  const account = await seedAccount("ingest");
  const { token } = await seedIntegration({ accountId: account.id, settings: { behaviour: "lead" } });
  // This process has switched the file to WAL, so the app opens it as after any restart in production; the
  // baseline gets the durability the app ends up with.
  const sqlite = await appSqliteSettings();
  machine.database = describeSqlite(sqlite);

  const profileArgs = ["--cpu-prof", `--cpu-prof-dir=${path.resolve("data", "bench", "profiles")}`];
  const app = await startApp("ingest-app", { WORKER_ENABLED: "false" }, profile ? profileArgs : []);
  const barePort = await sparePort();
  const bare = startProcess(
    "ingest-bare",
    bin("tsx"),
    ["bench/lib/bare-ingest-server.ts", fileOf(bareDb.url), String(barePort), sqlite.synchronous],
    process.env,
  );

  const rows: { load: string; app: LoadResult; bare: LoadResult; floor?: LoadResult; ratio?: number }[] = [];
  const sent = { app: 0, bare: 0 };
  let inFlightBound = 0;
  let timedOut = 0;
  const count = (appResult: LoadResult, bareResult: LoadResult) => {
    sent.app += appResult.ok;
    sent.bare += bareResult.ok;
    timedOut += appResult.timeouts;
    inFlightBound += appResult.connections ?? 0;
  };
  try {
    await waitUntilUp(`http://127.0.0.1:${barePort}/`, bare);
    const urls = {
      app: `${app.url}/api/webhooks/jivo/${token}`,
      bare: `http://127.0.0.1:${barePort}/api/webhooks/jivo/${token}`,
    };
    // Both servers get the same sequence of bodies (same ids, same re-deliveries).
    const bodies = { app: ingestBodies(), bare: ingestBodies() };
    const warmUp = { connections: 10, seconds: WARM_UP_SECONDS };
    count(
      await load(urls.app, { ...warmUp, nextBody: bodies.app }),
      await load(urls.bare, { ...warmUp, nextBody: bodies.bare }),
    );
    // App, baseline and floor back to back at each level, so that all see the same background load.
    for (const connections of LEVELS) {
      const appResult = await load(urls.app, { connections, seconds, nextBody: bodies.app });
      const bareResult = await load(urls.bare, { connections, seconds, nextBody: bodies.bare });
      const floor = await load(`${app.url}/api/health`, { connections, seconds });
      count(appResult, bareResult);
      rows.push({
        load: `${connections} connections`,
        app: appResult,
        bare: bareResult,
        floor,
        ratio: round(appResult.okPerSecond / bareResult.okPerSecond, 2),
      });
      console.log(
        `${connections} connections: app ${appResult.okPerSecond} req/s (p99 ${appResult.p99Ms} ms), baseline ${bareResult.okPerSecond} req/s`,
      );
    }
    const appPaced = await paced(urls.app, { perSecond: PACED_PER_SECOND, seconds, nextBody: bodies.app });
    const barePaced = await paced(urls.bare, { perSecond: PACED_PER_SECOND, seconds, nextBody: bodies.bare });
    count(appPaced, barePaced);
    rows.push({ load: `${PACED_PER_SECOND} req/s, evenly spaced`, app: appPaced, bare: barePaced });
  } finally {
    await app.stop();
    await bare.stop();
  }

  // Durability: every {"result":"ok"} is a stored event or a counted re-delivery. Requests still in flight when
  // a run ended, or answered after the client gave up (10 s), were stored without counting as answered.
  const stored = { app: storedIn(fileOf(appDb.url)), bare: storedIn(fileOf(bareDb.url)) };
  const everyOkStored =
    stored.app.deliveries >= sent.app &&
    stored.app.deliveries <= sent.app + timedOut + inFlightBound &&
    stored.app.jobs === stored.app.events;

  // The handler's own cost, outside Next: one call after the other, in this process, on the same database; with
  // the app's `synchronous` and with the other usual choice, to price the fsync per commit.
  const bodies = ingestBodies(0.1, 2);
  const timeHandler = async () => {
    const started = performance.now();
    for (let call = 0; call < HANDLER_CALLS; call++) await receiveJivoEvent(token, bodies());
    return round((performance.now() - started) / HANDLER_CALLS, 2);
  };
  const other = sqlite.synchronous === "NORMAL" ? "FULL" : "NORMAL";
  const handlerMs: Record<string, number> = {};
  for (const level of [sqlite.synchronous, other]) {
    await systemDb.$executeRawUnsafe(`PRAGMA synchronous = ${level}`);
    handlerMs[level] = await timeHandler();
  }
  await systemDb.$disconnect();
  await appDb.drop();
  await bareDb.drop();

  const closed = rows.filter((row) => row.ratio !== undefined);
  const hundred = closed.find((row) => row.app.connections === 100);
  const errorsOf = (result: LoadResult) => result.errors + result.non2xx;
  const verdict = {
    ratio: closed.every((row) => (row.ratio ?? 0) >= TARGETS.ratio),
    p99At100: (hundred?.app.p99Ms ?? Infinity) < TARGETS.p99AtHundredMs,
    noErrors: rows.every((row) => errorsOf(row.app) === 0),
    everyOkStored,
  };
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  const markdown = [
    `### Ingest: POST /api/webhooks/jivo/<token>, ${seconds} s per run, ~10 % re-deliveries`,
    "",
    table(
      [
        "load",
        "app req/s",
        "app p50 / p99 ms",
        "app errors",
        "baseline req/s",
        "baseline p50 / p99 ms",
        "app ÷ baseline",
        "Next floor req/s (GET /api/health)",
      ],
      rows.map(({ load: label, app: a, bare: b, floor, ratio }) => [
        label,
        a.okPerSecond,
        `${a.p50Ms} / ${a.p99Ms}`,
        errorsOf(a) ? `${errorsOf(a)} (${a.timeouts} timed out at 10 s)` : 0,
        b.okPerSecond,
        `${b.p50Ms} / ${b.p99Ms}`,
        ratio ?? "–",
        floor?.okPerSecond ?? "–",
      ]),
    ),
    "",
    `Handler alone (receiveJivoEvent, outside Next, sequential): ${handlerMs[sqlite.synchronous]} ms per event with ` +
      `synchronous=${sqlite.synchronous} (the app's setting, also the baseline's), ${handlerMs[other]} ms with ${other}.`,
    `Stored: app ${stored.app.events} events / ${stored.app.deliveries} deliveries / ${stored.app.jobs} jobs for ${sent.app} ok answers; ` +
      `baseline ${stored.bare.events} / ${stored.bare.deliveries} for ${sent.bare}.`,
    "",
    `Targets: ratio ≥ ${TARGETS.ratio} ${mark(verdict.ratio)} · p99 < ${TARGETS.p99AtHundredMs} ms at 100 connections ${mark(verdict.p99At100)} · ` +
      `no errors ${mark(verdict.noErrors)} · every ok stored ${mark(verdict.everyOkStored)}`,
  ].join("\n");
  writeResults("ingest", { machine, seconds, rows, handlerMs, stored, sent, verdict }, markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
