import { describe, expect, it, vi } from "vitest";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { effectiveBurst } from "@/lib/ploomes/db-pacer";
import { slotIntervalMs } from "@/lib/ploomes/pacer";
import { busiestWindow, startRecordingProxy } from "../helpers/recording-proxy";
import { seedAccount, seedIntegration } from "../helpers/seed";
import {
  accountSnapshot,
  actingSession,
  argumentsFor,
  discoverServerActions,
  refusalOf,
  seedVictim,
  targetsRecords,
} from "../reliability/lib/action-matrix";
import { checkHostileBodies, checkHostileTokens } from "../reliability/lib/check-hostile-webhooks";
import { workerHost } from "../reliability/lib/hosts";
import { runScenario } from "../reliability/lib/run-scenario";
import { serveScenarios } from "../reliability/lib/serve-scenarios";
import { watchWorkers } from "../reliability/lib/watch-workers";
import { writeFigures } from "../reliability/lib/write-figures";

// The reliability suite in small (docs/reliability.md): the same scenarios as `npm run test:reliability`, sized
// to run inside `npm test` and, in CI, again on PostgreSQL.

// Server actions run here outside Next: the session is whoever the matrix says, revalidation and cookies are inert.
vi.mock("next-auth", async (importOriginal) => {
  const { actingSession: session } = await import("../reliability/lib/action-matrix");
  const { systemDb: db } = await import("@/lib/db/client");
  // The caller's token is a current one (issued with the user's present session version).
  const current = async () => {
    if (!session.current) return null;
    const user = await db.user.findUnique({ where: { id: session.current.userId }, select: { sessionVersion: true } });
    return { ...session.current, sessionVersion: user?.sessionVersion };
  };
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: current };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const server = serveScenarios();

describe("the ledger balances (small burst)", () => {
  it("200 events, 10 % re-delivered, 20 % returning visitors' chats arriving together, Ploomes failing 20 %, 429s, slow answers, a worker SIGKILLed five times", async () => {
    const ledger = await runScenario(
      {
        name: "small-ledger",
        events: 200,
        duplicateRate: 0.1,
        healthy: 3,
        doomed: 1,
        doomedShare: 0.05,
        faults: { errorRate: 0.2, rateLimitRate: 0.02 },
        spikeEveryMs: 3_000,
        senders: 8,
        // ~90 s on an idle machine; the rest is for a busy one (retries wait at most 1 s, test/reliability/lib/hosts.ts).
        timeoutMs: 240_000,
        // Fixed, so that `npm test` plans the same burst every time (RELIABILITY_SEED still replays another).
        seed: 654966518,
      },
      workerHost(server.url, { workers: 2, concurrency: 4, crashes: 5 }),
    );
    expect.soft(ledger.problems, "the ledger balances").toEqual([]);
    expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
    expect(ledger.calls.byStatus["500"]).toBeGreaterThan(0);
    expect(ledger.jobs.retried).toBeGreaterThan(0);
    // Counted per visitor identity: returning visitors' chats share one company, person and deal.
    expect(ledger.returningChats).toBeGreaterThan(20);
    expect(ledger.expected.persons).toBeLessThan(ledger.expected.interactions);
  }, 270_000);
});

describe("two web processes and two worker processes on one database", () => {
  it("store each delivery once, never run a job twice and keep the shared pacing budget between them", async () => {
    const perMinute = 1_200;
    const proxy = await startRecordingProxy(server.url);
    const watcher = watchWorkers({ everyMs: 100, maxSamples: 1_200 });
    // Deliveries alternate between this process's receiver and another process's, re-deliveries included.
    const host = workerHost(proxy.url, {
      workers: 2,
      extraWebProcesses: 1,
      concurrency: 4,
      env: { PLOOMES_BUDGET_PER_MINUTE: String(perMinute) },
    });
    try {
      const ledger = await runScenario(
        {
          name: "small-shared-workers",
          events: 80,
          duplicateRate: 0.1,
          healthy: 1,
          doomed: 0,
          doomedShare: 0,
          faults: {},
          spikeEveryMs: 0,
          agentLookups: false,
          senders: 8,
          timeoutMs: 100_000,
          seed: 223007137,
        },
        host,
      );
      expect.soft(ledger.problems).toEqual([]);
      expect.soft(ledger.duplicateOrigins, "one JivoChat origin per Ploomes account").toEqual([]);
      // Nothing failed, so every job ran exactly once: one attempt each, one successful write per record.
      expect(ledger.jobs).toMatchObject({ retried: 0, maxAttempts: 1 });
      const workers = await watcher.stop();
      expect(workers.size).toBe(2);
      // Every delivery was answered 200 and stored once (the ledger's rules), half of them by the other process.
      expect(host.receivers).toHaveLength(2);

      // Paced whichever process sends: within any 10 s, at most 10 s / slot + 1 calls plus the budget's burst
      // (lib/ploomes/db-pacer.ts), plus a few for a process that sends its call late (its event loop busy for a
      // moment) while the other keeps time.
      const interval = slotIntervalMs(perMinute);
      const burst = effectiveBurst(perMinute, env.PLOOMES_BURST, env.PLOOMES_RATE_LIMIT_PER_MINUTE);
      const windowMs = 10_000;
      const budget = ledger.fleet[0]!.budgetKey;
      const arrivals = proxy.arrivals.filter(
        (arrival) => arrival.at >= ledger.burstStartedAt && arrival.budget === budget,
      );
      const busiest = busiestWindow(arrivals, budget, windowMs);
      const bound = Math.floor((windowMs + 250) / interval) + 1 + burst;
      writeFigures("small-pacing", {
        perMinute,
        windowMs,
        busiest,
        bound,
        calls: arrivals.length,
        workers: workers.size,
      });
      expect(busiest).toBeLessThanOrEqual(bound);
      // …and the budget was what held them back: two unpaced processes would send far more.
      expect(busiest).toBeGreaterThan((windowMs / interval) * 0.6);
    } finally {
      await watcher.stop();
      await proxy.close();
    }
  }, 120_000);
});

describe("hostile input at the webhook URL (property-based)", () => {
  it("any body: never a 5xx, always JivoChat's JSON answer, no half-written row", async () => {
    const account = await seedAccount("Hostil");
    const { integration, token } = await seedIntegration({ accountId: account.id });
    await checkHostileBodies({
      webhookUrl: `${server.url}/api/webhooks/jivo/${token}`,
      integrationId: integration.id,
      numRuns: 150,
    });
  });

  it("any token: a 4xx and nothing stored", async () => {
    await checkHostileTokens({ baseUrl: server.url, numRuns: 100 });
  });
});

describe("every server action refuses the wrong caller", () => {
  // By design: the first-run setup is reached without a session (its one-time token is the credential), and the
  // language switch only sets the caller's own cookie.
  const PUBLIC = new Set(["completeSetupAction", "setLocaleAction"]);
  // Read-only actions every user of the account may run, and changing one's own password; any other action is
  // for the account's admins.
  const FOR_MEMBERS = new Set(["dryRunAction", "changePasswordAction"]);

  it("anonymous, members and another account's admin change nothing; the account's own admin gets through", async () => {
    const actions = await discoverServerActions();
    expect(actions.map((action) => action.name)).toEqual(
      expect.arrayContaining([
        "reprocessEventAction",
        "activateIntegrationAction",
        "createUserAction",
        "removeUserAction",
      ]),
    );
    const failures: string[] = [];
    for (const action of actions) {
      const label = `${action.file} ${action.name}`;
      const victim = await seedVictim("Vitima");
      const intruder = await seedVictim("Intrusa");
      // The account's own admin comes last: what they are allowed to do may change the account.
      const callers = [
        { who: "anonymous", userId: null, admin: false, sameAccount: false },
        { who: "a member of the account", userId: victim.member.id, admin: false, sameAccount: true },
        { who: "a member of another account", userId: intruder.member.id, admin: false, sameAccount: false },
        { who: "an admin of another account", userId: intruder.admin.id, admin: true, sameAccount: false },
        { who: "the account's admin", userId: victim.admin.id, admin: true, sameAccount: true },
      ];
      for (const caller of callers) {
        actingSession.current = caller.userId ? { userId: caller.userId } : null;
        const before = await accountSnapshot(victim.accountId);
        const accounts = await systemDb.account.count();
        const result = await action.call(...argumentsFor(action, victim));
        if (PUBLIC.has(action.name)) {
          if ((await accountSnapshot(victim.accountId)) !== before)
            failures.push(`${label}: ${caller.who} changed the account`);
          if ((await systemDb.account.count()) !== accounts)
            failures.push(`${label}: ${caller.who} created an account`);
          continue;
        }
        // An action without record ids works on the caller's own account; then only the caller's role matters.
        const roleAllows = caller.userId !== null && (caller.admin || FOR_MEMBERS.has(action.name));
        const allowed = roleAllows && (caller.sameAccount || !targetsRecords(action));
        if (allowed) {
          if (caller.sameAccount && refusalOf(result))
            failures.push(`${label}: ${caller.who} was refused (${JSON.stringify(result)})`);
          if (!caller.sameAccount && (await accountSnapshot(victim.accountId)) !== before)
            failures.push(`${label}: ${caller.who} changed the account`);
          continue;
        }
        if (!refusalOf(result)) failures.push(`${label}: ${caller.who} was not refused (${JSON.stringify(result)})`);
        if ((await accountSnapshot(victim.accountId)) !== before)
          failures.push(`${label}: ${caller.who} changed the account`);
      }
    }
    actingSession.current = null;
    expect(failures).toEqual([]);
  });
});
