// npm run bench -- --only fair – one account's backlog must not starve another (issue 11, item 4). The production
// build with its in-process worker (4 slots), the app's budget (100/min per Ploomes account), two accounts with a
// Ploomes account (sandbox tenant, key, budget) each, Empresa+Pessoa+Negócio. Account B's chats, one at a time,
// first on an idle system, then while account A has 200 chats queued: the time from the POST to B's deal being
// in the sandbox. --samples N per phase (default 10, --quick 4).
import { countOption, quick } from "./lib/bench-args";
import { table, writeResults } from "./lib/bench-env";
import { poll, startProductionApp } from "./lib/production-app";
import { finishedChat, visitor } from "./lib/jivo-payloads";
import { percentile, round } from "./lib/stats";

const BUDGET_PER_MINUTE = 100;
const BACKLOG = 200;
// Between B's chats: long enough for B's budget to earn back a chat's calls, so each finds it idle.
const SPACING_MS = 5_000;
// After A's backlog is queued: its burst is spent and every worker slot has had the chance to take A's jobs.
const SETTLE_MS = 15_000;
const CHAT_TIMEOUT_MS = 180_000;

type Sample = { phase: "idle" | "backlog"; ms: number; aQueued: number };

async function main() {
  const samples = countOption("samples", quick ? 4 : 10);
  const { machine, database, systemDb, app } = await startProductionApp("fair", BUDGET_PER_MINUTE);
  const { deliver } = await import("../test/helpers/sandbox-integration");
  const { setupBehaviours } = await import("./lib/sandbox-setup");

  const results: Sample[] = [];
  try {
    // Two accounts, each its own sandbox tenant, so its own Ploomes key and budget. The sandbox counts Ploomes'
    // 120/min for A; B's poller needs a wide window (its own requests must not cause a 429).
    const a = await setupBehaviours(app.url, ["company_person_deal"], 120);
    const b = await setupBehaviours(app.url, ["company_person_deal"], 100_000);
    const aUrl = `${app.url}/api/webhooks/jivo/${a.integrations[0]!.token}`;
    const bUrl = `${app.url}/api/webhooks/jivo/${b.integrations[0]!.token}`;
    const aQueued = () =>
      systemDb.job.count({ where: { status: "queued", event: { integrationId: a.integrations[0]!.id } } });

    let chat = 0;
    const measureB = async (phase: Sample["phase"]) => {
      await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
      const who = visitor(10_000 + chat);
      const posted = Date.now();
      const answer = await deliver(bUrl, finishedChat(400_000 + chat++, who));
      if (answer.status !== 200) throw new Error(`delivery answered ${answer.status}`);
      const deadline = posted + CHAT_TIMEOUT_MS;
      const person = await poll(() => b.crm.findPersonByEmail(who.email), deadline);
      await poll(async () => (await b.crm.listOpenDealsOfContact(person.Id))[0] ?? null, deadline);
      const sample = { phase, ms: Date.now() - posted, aQueued: phase === "idle" ? 0 : await aQueued() };
      results.push(sample);
      console.log(`${phase}: B's deal after ${sample.ms} ms, ${sample.aQueued} of A's chats queued`);
    };

    // One chat of B warms its metadata cache (origin, users, funnel) and is not counted.
    await measureB("idle");
    results.length = 0;
    for (let n = 0; n < samples; n++) await measureB("idle");

    console.log(`Queueing ${BACKLOG} chats of account A…`);
    for (let n = 0; n < BACKLOG; n++) {
      const answer = await deliver(aUrl, finishedChat(500_000 + n, visitor(20_000 + n)));
      if (answer.status !== 200) throw new Error(`delivery ${n} answered ${answer.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (let n = 0; n < samples; n++) await measureB("backlog");
  } finally {
    await app.stop();
    await systemDb.$disconnect();
    await database.drop();
  }

  const summary = (phase: Sample["phase"]) => {
    const values = results.filter((sample) => sample.phase === phase).map((sample) => sample.ms);
    const queued = results.filter((sample) => sample.phase === phase).map((sample) => sample.aQueued);
    return {
      p50: round(percentile(values, 50), 0),
      p95: round(percentile(values, 95), 0),
      max: Math.max(...values),
      minQueued: Math.min(...queued),
    };
  };
  const idle = summary("idle");
  const backlog = summary("backlog");
  const markdown = [
    `### Fair queue: account B's chat → deal, idle and with ${BACKLOG} of account A's chats queued, budget ${BUDGET_PER_MINUTE}/min each, ${samples} chats per phase`,
    "",
    table(
      ["phase", "p50 ms", "p95 ms", "max ms", "A's chats queued (min)"],
      [
        ["idle", idle.p50, idle.p95, idle.max, 0],
        [`A's backlog`, backlog.p50, backlog.p95, backlog.max, backlog.minQueued],
      ],
    ),
    "",
    `B's chat with A's backlog takes ${round(backlog.p50 / idle.p50, 2)} × its idle time (p50); before the fair claim it took 124 s instead of ~2.5 s.`,
  ].join("\n");
  writeResults(
    "fair-queue",
    { machine, backlog: BACKLOG, budgetPerMinute: BUDGET_PER_MINUTE, idle, withBacklog: backlog, samples: results },
    markdown,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
