import { it } from "vitest";
import { seedAccount, seedIntegration } from "../helpers/seed";
import { serveTestServer } from "../helpers/serve-test-server";
import { checkHostileBodies, checkHostileTokens } from "./lib/check-hostile-webhooks";

// The same properties as the small suite's, many more runs. RELIABILITY_SEED replays one (fast-check prints
// the seed and the shrunk counterexample of a failure).

const server = serveTestServer();

const seed = Number(process.env.RELIABILITY_SEED) || undefined;

it("2,000 hostile bodies: never a 5xx, always JivoChat's JSON answer, no half-written row", async () => {
  const account = await seedAccount("Hostil");
  const { integration, token } = await seedIntegration({ accountId: account.id });
  await checkHostileBodies({
    webhookUrl: `${server.url}/api/webhooks/jivo/${token}`,
    integrationId: integration.id,
    numRuns: 2_000,
    seed,
  });
});

it("1,000 hostile tokens: a 4xx and nothing stored", async () => {
  await checkHostileTokens({ baseUrl: server.url, numRuns: 1_000, seed });
});
