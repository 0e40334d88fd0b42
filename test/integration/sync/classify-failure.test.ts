import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { PloomesError } from "@/lib/ploomes/errors";
import { classifyFailure } from "@/lib/sync/process-event";
import { seedAccount, seedIntegration } from "../../helpers/seed";

describe("a failed attempt", () => {
  it("without an answer from Ploomes retries no sooner than the client's timeout: a lost write may still land", async () => {
    const { integration } = await seedIntegration({ accountId: (await seedAccount()).id });
    const timeout = new PloomesError({ kind: "timeout", method: "POST", path: "/Deals" });
    const network = new PloomesError({ kind: "network", method: "POST", path: "/Deals" });
    for (const error of [timeout, network]) {
      const outcome = await classifyFailure(error, integration.id);
      expect(outcome).toMatchObject({ kind: "retry", retryAfterMs: env.PLOOMES_TIMEOUT_MS });
    }
  });

  it("with an answer keeps Ploomes' own pace: a 500 at the backoff, a 429 after its Retry-After", async () => {
    const { integration } = await seedIntegration({ accountId: (await seedAccount()).id });
    const server = new PloomesError({ kind: "server", method: "POST", path: "/Deals", status: 500 });
    const limited = new PloomesError({
      kind: "rate_limited",
      method: "POST",
      path: "/Deals",
      status: 429,
      retryAfterMs: 30_000,
    });
    expect(await classifyFailure(server, integration.id)).toEqual({
      kind: "retry",
      error: server.message,
      retryAfterMs: undefined,
    });
    expect(await classifyFailure(limited, integration.id)).toMatchObject({ kind: "retry", retryAfterMs: 30_000 });
  });
});
