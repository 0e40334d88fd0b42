import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { claimBudget, createDbPacer, deferBudget, effectiveBurst } from "@/lib/ploomes/db-pacer";
import { slotIntervalMs } from "@/lib/ploomes/pacer";
import { appVariablesOf, cleanEnv } from "../../../scripts/lib/clean-env";
import { seededRandom } from "../../reliability/lib/seeded-random";

// Uses the run's database (SQLite, or PostgreSQL when DATABASE_URL says so); every key is unique to this run.
// Time is injected (`now`), so no assertion depends on how fast the machine is.
const keys: string[] = [];
function testKey(): string {
  const key = `test:db-pacer:${randomUUID()}`;
  keys.push(key, `${key}:interactive`);
  return key;
}

afterAll(async () => {
  await systemDb.rateSlot.deleteMany({ where: { key: { in: keys } } });
});

// The production shape: 100/min sustained, burst 18 (so at most 118 in any 60 s), 4 calls reserved for look-ups.
const PER_MINUTE = 100;
const BURST = 18;
const RESERVE = 4;
const T = slotIntervalMs(PER_MINUTE);
const queuedLane = { intervalMs: T, toleranceMs: (BURST - RESERVE) * T };
const interactiveLane = { intervalMs: T, toleranceMs: BURST * T, maxWaitMs: 1_500 };
const WINDOW_MS = 60_000;

/** The most start times in any half-open window [x, x + 60 s). */
function maxInAnyWindow(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= WINDOW_MS) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}

describe("effectiveBurst", () => {
  it("cuts the burst so that budget + burst never exceed Ploomes' limit", () => {
    expect(effectiveBurst(100, 18, 120)).toBe(18);
    expect(effectiveBurst(110, 18, 120)).toBe(10);
    expect(effectiveBurst(130, 18, 120)).toBe(0);
  });
});

describe("claimBudget (GCRA)", () => {
  it("lets an idle budget burst, queued work leaving the reserve to the interactive lane, then paces", async () => {
    const key = testKey();
    const now = 1_000_000;
    const queued = await Promise.all(Array.from({ length: 20 }, () => claimBudget(key, { ...queuedLane, now })));
    const granted = queued.filter((claim) => claim.granted);
    // burst − reserve + 1 calls at once; the rest are told when to come back, and nothing changed for them.
    expect(granted).toHaveLength(BURST - RESERVE + 1);
    expect(granted.every((claim) => claim.granted && claim.at === now)).toBe(true);
    const refused = queued.find((claim) => !claim.granted);
    expect(refused).toEqual({ granted: false, retryAt: now + T });
    // The agent's look-up (4 calls) still goes at once, and a fifth call is booked one interval later.
    const interactive = [];
    for (let i = 0; i < RESERVE + 1; i++) interactive.push(await claimBudget(key, { ...interactiveLane, now }));
    expect(interactive.map((claim) => (claim.granted ? claim.at - now : null))).toEqual([0, 0, 0, 0, T]);
    // Queued work now waits for the look-up's calls to be paid back.
    expect(await claimBudget(key, { ...queuedLane, now: now + T })).toEqual({
      granted: false,
      retryAt: now + (RESERVE + 2) * T,
    });
    expect(await claimBudget(key, { ...queuedLane, now: now + (RESERVE + 2) * T })).toEqual({
      granted: true,
      at: now + (RESERVE + 2) * T,
    });
  });

  it("never lets more than budget + burst into any 60 s window; a backlog uses ≥ 95 % of the budget; look-ups never wait", async () => {
    const key = testKey();
    const random = seededRandom(12);
    const origin = 5_000_000;
    const end = origin + 4 * WINDOW_MS;
    const starts: number[] = [];
    const lookupDelays: number[] = [];
    let nextLookup = origin + 7_000;
    for (let now = origin; now < end; now += random.int(1, 250)) {
      // Five queued callers (a backlog) ask at once at every step.
      const claims = await Promise.all(Array.from({ length: 5 }, () => claimBudget(key, { ...queuedLane, now })));
      for (const claim of claims) if (claim.granted) starts.push(claim.at);
      if (now >= nextLookup) {
        // An agent accepts a chat: four calls, one after another, while the backlog goes on.
        for (let call = 0; call < 4; call++) {
          const claim = await claimBudget(key, { ...interactiveLane, now });
          expect(claim.granted).toBe(true);
          if (claim.granted) {
            starts.push(claim.at);
            lookupDelays.push(claim.at - now);
          }
        }
        nextLookup = now + 7_000;
      }
    }
    expect(maxInAnyWindow(starts)).toBeLessThanOrEqual(PER_MINUTE + BURST);
    expect(lookupDelays.length).toBeGreaterThan(100);
    expect(lookupDelays.every((delay) => delay === 0)).toBe(true);
    // Every full window after the first burst holds at least 95 % of the sustained budget.
    const steady = starts.filter((at) => at >= origin + WINDOW_MS && at < origin + 3 * WINDOW_MS);
    expect(steady.length).toBeGreaterThanOrEqual(0.95 * 2 * PER_MINUTE);
  });

  it("holds the window across worker processes on a compressed clock", async () => {
    const key = testKey();
    const speed = 20;
    const origin = Date.now();
    const env = cleanEnv(appVariablesOf());
    const runClaimer = () =>
      new Promise<number[]>((resolve, reject) => {
        const args = [
          "--import",
          "tsx",
          "test/helpers/budget-claimer.ts",
          key,
          "3",
          "150",
          String(origin),
          String(speed),
          String(queuedLane.intervalMs),
          String(queuedLane.toleranceMs),
        ];
        const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.stderr.on("data", (chunk) => (err += chunk));
        child.on("exit", (code) =>
          code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`claimer exited ${code}: ${err}`)),
        );
      });
    const [first, second] = await Promise.all([runClaimer(), runClaimer()]);
    expect(first!.length).toBeGreaterThanOrEqual(150);
    expect(second!.length).toBeGreaterThanOrEqual(150);
    // 300+ calls from two processes: more than two windows' worth, so the limit was hit over and over.
    expect(maxInAnyWindow([...first!, ...second!])).toBeLessThanOrEqual(PER_MINUTE + BURST - RESERVE);
  }, 60_000);

  it("keeps a row the ORM wrote (ISO text) in the same time line", async () => {
    const key = testKey();
    const at = Date.now() + 5_000;
    await systemDb.rateSlot.create({ data: { key, nextAt: new Date(at) } });
    expect(await claimBudget(key, { intervalMs: 100, toleranceMs: 0 })).toEqual({ granted: false, retryAt: at });
    expect(await claimBudget(key, { intervalMs: 100, toleranceMs: 0, now: at })).toEqual({ granted: true, at });
    const row = await systemDb.rateSlot.findUniqueOrThrow({ where: { key } });
    expect(row.nextAt.getTime()).toBe(at + 100);
  });

  it("defers every lane after a penalty, but never brings the budget forward", async () => {
    const key = testKey();
    const now = Date.now();
    await deferBudget(key, now + 10_000 + BURST * T);
    await deferBudget(key, now + 1_000);
    expect(await claimBudget(key, { ...interactiveLane, now })).toEqual({ granted: false, retryAt: now + 10_000 });
    expect(await claimBudget(key, { ...interactiveLane, now: now + 10_000 })).toEqual({
      granted: true,
      at: now + 10_000,
    });
  });
});

describe("createDbPacer", () => {
  it("makes a caller wait while the budget is spent, and lets it go once a call is free", async () => {
    const key = testKey();
    const pacer = createDbPacer({ key, perMinute: 600, burst: 2, reserve: 0 });
    // Three calls at once (burst 2), then the fourth waits for one interval (100 ms).
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    const row = await systemDb.rateSlot.findUniqueOrThrow({ where: { key } });
    await pacer.acquire();
    const after = await systemDb.rateSlot.findUniqueOrThrow({ where: { key } });
    expect(after.nextAt.getTime()).toBeGreaterThanOrEqual(row.nextAt.getTime() + 100);
  });

  it("stops waiting when the signal aborts", async () => {
    const key = testKey();
    const pacer = createDbPacer({ key, perMinute: 1 });
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error("shutting down"));
    await expect(waiting).rejects.toThrow("shutting down");
  });
});
