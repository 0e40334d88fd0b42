// npm run bench -- calls – Ploomes calls per chat for each behaviour, new and returning client, against the sandbox.
import { benchDatabase, machineFacts, table, writeResults } from "./lib/bench-env";

async function main() {
  process.env.PLOOMES_BUDGET_PER_MINUTE = "6000"; // counts, not pacing, are measured here
  const database = await benchDatabase("bench_calls");
  const { systemDb } = await import("@/lib/db/client");
  const { startTestServer } = await import("../test/helpers/test-server");
  const { setupSandboxIntegration, deliver, drain, fixture } = await import("../test/helpers/sandbox-integration");
  const server = await startTestServer();

  const chat = (id: number) => {
    const payload = JSON.parse(fixture("chat_finished_br"));
    return JSON.stringify({ ...payload, chat_id: id });
  };
  const callsOf = async (integrationId: string, chatId: number) =>
    systemDb.ploomesCall.findMany({
      where: { event: { integrationId, chatId: String(chatId) } },
      select: { method: true, path: true },
    });

  const rows: {
    behaviour: string;
    avoidDuplicates: boolean;
    cold: number;
    newClient: number;
    returning: number;
    newCalls: string[];
  }[] = [];
  const scenarios = [
    ["company_person_deal", true],
    ["company_person_deal", false],
    ["person_deal", true],
    ["company_person", true],
    ["lead", true],
  ] as const;
  try {
    for (const [behaviour, avoidDuplicateDeals] of scenarios) {
      const setup = await setupSandboxIntegration(server.url, { behaviour: "lead" });
      const sales = (await setup.crm.listPipelines())[0]!;
      await systemDb.integration.update({
        where: { id: setup.integration.id },
        data: {
          settings: JSON.stringify({
            behaviour,
            avoidDuplicateDeals,
            pipelineId: sales.Id,
            stageId: sales.Stages![0]!.Id,
          }),
        },
      });
      // 1st chat: cold metadata cache (origin, users, funnels) and a new client; 2nd: another new client with a
      // warm cache; 3rd: the 2nd visitor again (returning client).
      const first = JSON.parse(chat(1));
      first.visitor.email = "primeiro@exemplo.com.br";
      first.visitor.phone = "(21) 99999-0001";
      first.organization = { id: "1", name: "Primeira Empresa" };
      await deliver(setup.webhookUrl, JSON.stringify(first));
      await drain([setup.integration.id]);
      await deliver(setup.webhookUrl, chat(2));
      await drain([setup.integration.id]);
      await deliver(setup.webhookUrl, chat(3));
      await drain([setup.integration.id]);
      const [cold, fresh, returning] = await Promise.all([1, 2, 3].map((id) => callsOf(setup.integration.id, id)));
      rows.push({
        behaviour,
        avoidDuplicates: avoidDuplicateDeals,
        cold: cold!.length,
        newClient: fresh!.length,
        returning: returning!.length,
        newCalls: fresh!.map((call) => `${call.method} ${call.path.split("?")[0]}`),
      });
    }
  } finally {
    await server.close();
    await systemDb.$disconnect();
    await database.drop();
  }

  const markdown = [
    "### Ploomes calls per chat (transcript on; warm cache unless noted)",
    "",
    table(
      ["behaviour", "evitar duplicidade", "new client, cold cache", "new client", "returning client"],
      rows.map((row) => [row.behaviour, row.avoidDuplicates ? "on" : "off", row.cold, row.newClient, row.returning]),
    ),
    "",
    "Targets: new client with Empresa+Pessoa+Negócio+transcript ≤ 6 calls, returning ≤ 4 (look-ups included).",
  ].join("\n");
  writeResults("calls-per-chat", { machine: machineFacts("sqlite"), rows }, markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
