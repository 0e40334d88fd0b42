// npm run bench -- --only agent – the agent's CRM card: how long the webhook takes to answer chat_accepted with the
// visitor's Ploomes client (custom_data + crm_link), on an idle account and while the same Ploomes account has a
// backlog of 20 queued chats (kept at 20 for the whole run). --samples N per phase (default 15, --quick 5).
// The production build with its in-process worker, the app's budget (100/min), Empresa+Pessoa+Negócio, the
// sandbox's seeded client "Mariana Souza" as the visitor (a different phone string each time, so the look-up's
// short cache never answers).
import { countOption, quick } from "./lib/bench-args";
import { table, writeResults } from "./lib/bench-env";
import { startProductionApp } from "./lib/production-app";
import { finishedChat, visitor } from "./lib/jivo-payloads";
import { percentile, round } from "./lib/stats";

const BUDGET_PER_MINUTE = 100;
const BACKLOG = 20;
// One look-up (3-4 calls) every 8 s: about what the interactive lane's own cap sustains (30 % of the budget).
const SPACING_MS = 8_000;
const TARGET_MS = 1_500;

type Sample = { phase: "idle" | "backlog"; ms: number; card: boolean; queued: number };

async function main() {
  const samples = countOption("samples", quick ? 5 : 15);
  const { machine, database, systemDb, app } = await startProductionApp("agent", BUDGET_PER_MINUTE);
  const { deliver, fixture } = await import("../test/helpers/sandbox-integration");
  const { setupBehaviours } = await import("./lib/sandbox-setup");
  const { SANDBOX_SEED } = await import("@/lib/ploomes-sandbox");

  const results: Sample[] = [];
  try {
    // The sandbox counts Ploomes' 120/min: the app's own pacing is what is measured.
    const { integrations } = await setupBehaviours(app.url, ["company_person_deal"], 120);
    const integration = integrations[0]!;
    await systemDb.integration.update({
      where: { id: integration.id },
      data: {
        settings: JSON.stringify({
          ...JSON.parse((await systemDb.integration.findUniqueOrThrow({ where: { id: integration.id } })).settings),
          agentLookup: true,
        }),
      },
    });
    const webhookUrl = `${app.url}/api/webhooks/jivo/${integration.token}`;
    const accepted = (chatId: number) => {
      const payload = JSON.parse(fixture("chat_accepted"));
      const phone = `+55 11 9${String(8000_0000 + chatId).slice(-8)}`;
      return JSON.stringify({
        ...payload,
        chat_id: chatId,
        visitor: { ...payload.visitor, name: null, email: SANDBOX_SEED.existingPerson.Email, phone },
      });
    };
    let finished = 0;
    const queued = () => systemDb.job.count({ where: { status: { in: ["queued", "running"] } } });
    const measure = async (phase: Sample["phase"], chatId: number) => {
      const waiting = await queued();
      const started = performance.now();
      const answer = await deliver(webhookUrl, accepted(chatId));
      const ms = performance.now() - started;
      const card = Array.isArray(answer.body.custom_data) && typeof answer.body.crm_link === "string";
      results.push({ phase, ms, card, queued: waiting });
      console.log(`${phase} ${chatId}: ${round(ms, 0)} ms, card ${card ? "shown" : "missing"}, ${waiting} queued`);
    };

    // Warm-up (metadata cache), not counted.
    await measure("idle", 300_000);
    results.length = 0;
    for (let i = 1; i <= samples; i++) {
      await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
      await measure("idle", 300_000 + i);
    }
    for (let i = 1; i <= samples; i++) {
      // Keep the same account's backlog at 20 chats.
      for (let missing = BACKLOG - (await queued()); missing > 0; missing--) {
        const answer = await deliver(webhookUrl, finishedChat(310_000 + finished, visitor(10_000 + finished)));
        if (answer.status !== 200) throw new Error(`delivery answered ${answer.status}`);
        finished++;
      }
      await new Promise((resolve) => setTimeout(resolve, i === 1 ? 2_000 : SPACING_MS));
      await measure("backlog", 320_000 + i);
    }
  } finally {
    await app.stop();
    await systemDb.$disconnect();
    await database.drop();
  }

  const summary = (["idle", "backlog"] as const).map((phase) => {
    const of = results.filter((sample) => sample.phase === phase);
    const values = of.map((sample) => sample.ms);
    const within = of.filter((sample) => sample.card && sample.ms <= TARGET_MS).length;
    return {
      phase,
      samples: of.length,
      p50: round(percentile(values, 50), 0),
      p95: round(percentile(values, 95), 0),
      max: round(Math.max(...values), 0),
      cardShown: of.filter((sample) => sample.card).length,
      withinTarget: within,
      minQueued: Math.min(...of.map((sample) => sample.queued)),
    };
  });
  const mark = (ok: boolean) => (ok ? "✅" : "❌");
  const markdown = [
    `### Agent answer: chat_accepted → custom_data + crm_link, budget ${BUDGET_PER_MINUTE}/min, ${samples} look-ups per phase`,
    "",
    table(
      ["phase", "p50 ms", "p95 ms", "max ms", "card shown", `card within ${TARGET_MS} ms`, "chats queued (min)"],
      summary.map((row) => [
        row.phase,
        row.p50,
        row.p95,
        row.max,
        `${row.cardShown}/${row.samples}`,
        `${row.withinTarget}/${row.samples}`,
        row.minQueued,
      ]),
    ),
    "",
    `Target: 100 % of cards within ${TARGET_MS} ms, idle and with ${BACKLOG} chats of the same account queued ` +
      `${mark(summary.every((row) => row.withinTarget === row.samples))}. Look-ups ${SPACING_MS / 1000} s apart.`,
  ].join("\n");
  writeResults(
    "agent-answer",
    { machine, budgetPerMinute: BUDGET_PER_MINUTE, backlog: BACKLOG, summary, samples: results },
    markdown,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
