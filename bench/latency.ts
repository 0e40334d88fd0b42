// npm run bench -- --only latency – on an idle system, the time from a chat_finished delivery to its deal being
// visible in the sandbox, read through the real Ploomes client (p50/p95 over --samples N chats, default 30,
// --quick 8). The production build with its in-process worker, the app's budget (100/min), an
// Empresa+Pessoa+Negócio integration, a new visitor per chat.
import { countOption, quick } from "./lib/bench-args";
import { table, writeResults } from "./lib/bench-env";
import { poll, startProductionApp } from "./lib/production-app";
import { finishedChat, visitor } from "./lib/jivo-payloads";
import { percentile, round } from "./lib/stats";

const BUDGET_PER_MINUTE = 100;
// Long enough for the budget to earn back a chat's calls (up to 7, one per 600 ms): each chat finds the
// budget idle, its burst available, as on a quiet day.
const IDLE_MS = 4_500;
const POLL_MS = 50;
const CHAT_TIMEOUT_MS = 60_000;

async function main() {
  const chats = countOption("samples", quick ? 8 : 30);
  const { machine, database, systemDb, app } = await startProductionApp("latency", BUDGET_PER_MINUTE);
  const { deliver } = await import("../test/helpers/sandbox-integration");
  const { setupBehaviours } = await import("./lib/sandbox-setup");

  const samples: {
    answerMs: number;
    firstCallMs: number;
    dealWrittenMs: number;
    visibleMs: number;
    doneMs: number;
    calls: number;
  }[] = [];
  try {
    // The poller's own requests go to the same tenant: its window is opened wide so they cannot cause a 429;
    // the app's pace is still its budget.
    const { crm, integrations } = await setupBehaviours(app.url, ["company_person_deal"], 100_000);
    const webhookUrl = `${app.url}/api/webhooks/jivo/${integrations[0]!.token}`;
    // Chat 0 warms the metadata cache (origin, users, funnels) and is not counted.
    for (let chat = 0; chat <= chats; chat++) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const who = visitor(chat);
      const chatId = 200_000 + chat;
      const posted = Date.now();
      const deadline = posted + CHAT_TIMEOUT_MS;
      const answer = await deliver(webhookUrl, finishedChat(chatId, who));
      const answered = Date.now();
      if (answer.status !== 200) throw new Error(`delivery answered ${answer.status}`);
      const person = await poll(() => crm.findPersonByEmail(who.email), deadline, POLL_MS);
      await poll(async () => (await crm.listOpenDealsOfContact(person.Id))[0] ?? null, deadline, POLL_MS);
      const visible = Date.now();
      // The job ends with the transcript; wait for it so that the next chat starts on an idle system.
      const event = await poll(
        () =>
          systemDb.webhookEvent.findFirst({
            where: { chatId: String(chatId), status: "done" },
            include: { calls: true },
          }),
        deadline,
      );
      const dealCall = event.calls.find((call) => call.method === "POST" && call.path.startsWith("/Deals"));
      if (chat === 0) continue;
      samples.push({
        answerMs: answered - posted,
        firstCallMs: Math.min(...event.calls.map((call) => call.createdAt.getTime())) - posted,
        dealWrittenMs: (dealCall?.createdAt.getTime() ?? Number.NaN) - posted,
        visibleMs: visible - posted,
        doneMs: (event.processedAt?.getTime() ?? Number.NaN) - posted,
        calls: event.calls.length,
      });
      console.log(`chat ${chat}: deal visible after ${visible - posted} ms (${event.calls.length} calls)`);
    }
  } finally {
    await app.stop();
    await systemDb.$disconnect();
    await database.drop();
  }

  const stat = (key: keyof (typeof samples)[number]) => {
    const values = samples.map((sample) => sample[key]);
    return {
      p50: round(percentile(values, 50), 0),
      p95: round(percentile(values, 95), 0),
      max: round(Math.max(...values), 0),
    };
  };
  const summary = {
    webhookAnswer: stat("answerMs"),
    firstCall: stat("firstCallMs"),
    dealWritten: stat("dealWrittenMs"),
    dealVisible: stat("visibleMs"),
    jobDone: stat("doneMs"),
  };
  const callsPerChat = stat("calls").p50;
  const markdown = [
    `### Latency: chat_finished → deal visible in the sandbox, idle system, ${chats} chats, budget ${BUDGET_PER_MINUTE}/min`,
    "",
    table(
      ["milestone (ms after the POST)", "p50", "p95", "max"],
      [
        [
          'webhook answered {"result":"ok"}',
          summary.webhookAnswer.p50,
          summary.webhookAnswer.p95,
          summary.webhookAnswer.max,
        ],
        [
          "first Ploomes call answered (as logged)",
          summary.firstCall.p50,
          summary.firstCall.p95,
          summary.firstCall.max,
        ],
        [
          "deal written (POST /Deals answered, as logged)",
          summary.dealWritten.p50,
          summary.dealWritten.p95,
          summary.dealWritten.max,
        ],
        [
          "deal visible (polled through the client)",
          summary.dealVisible.p50,
          summary.dealVisible.p95,
          summary.dealVisible.max,
        ],
        ["job done (transcript attached)", summary.jobDone.p50, summary.jobDone.p95, summary.jobDone.max],
      ],
    ),
    "",
    `${callsPerChat} Ploomes calls per chat, sent as soon as each is ready (the budget's burst); chats ${IDLE_MS} ms apart so the budget is idle; polled every ${POLL_MS} ms.`,
  ].join("\n");
  writeResults("latency", { machine, chats, budgetPerMinute: BUDGET_PER_MINUTE, summary, samples }, markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
