import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { systemDb } from "@/lib/db/client";
import { claimRateSlot, createDbPacer, deferRateSlot } from "@/lib/ploomes/db-pacer";

// Uses the real database (data/app.db unless DATABASE_URL says otherwise); every key is unique to this run.
const keys: string[] = [];
function testKey(): string {
  const key = `test:db-pacer:${randomUUID()}`;
  keys.push(key);
  return key;
}

afterAll(async () => {
  await systemDb.rateSlot.deleteMany({ where: { key: { in: keys } } });
});

describe("claimRateSlot", () => {
  it("gives concurrent claimers distinct slots exactly one interval apart", async () => {
    const key = testKey();
    const now = Date.now();
    const slots = await Promise.all(Array.from({ length: 30 }, () => claimRateSlot(key, 100, now)));
    const sorted = [...slots].sort((a, b) => a - b);
    expect(new Set(slots).size).toBe(30);
    expect(sorted[0]).toBe(now);
    sorted.slice(1).forEach((slot, i) => expect(slot - (sorted[i] as number)).toBe(100));
  });

  it("starts from now again once the budget has been idle", async () => {
    const key = testKey();
    await claimRateSlot(key, 100, 1_000);
    expect(await claimRateSlot(key, 100, 50_000)).toBe(50_000);
  });

  it("keeps a row the ORM wrote (ISO text) in the same time line", async () => {
    const key = testKey();
    const at = Date.now() + 5_000;
    await systemDb.rateSlot.create({ data: { key, nextAt: new Date(at) } });
    expect(await claimRateSlot(key, 100)).toBe(at);
    const row = await systemDb.rateSlot.findUniqueOrThrow({ where: { key } });
    expect(row.nextAt.getTime()).toBe(at + 100);
  });

  it("defers the next slot after a penalty, but never brings it forward", async () => {
    const key = testKey();
    const now = Date.now();
    await deferRateSlot(key, now + 10_000);
    await deferRateSlot(key, now + 1_000);
    expect(await claimRateSlot(key, 100, now)).toBe(now + 10_000);
  });
});

describe("createDbPacer", () => {
  it("spaces two workers sharing a key by the interval in total order", async () => {
    const key = testKey();
    const workers = [createDbPacer({ key, perMinute: 600 }), createDbPacer({ key, perMinute: 600 })];
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => workers[i % 2]?.acquire()));
    // 30 slots 100 ms apart: the last cannot start before 2.9 s (only a lower bound, so load cannot flake it).
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_890);
    const row = await systemDb.rateSlot.findUniqueOrThrow({ where: { key } });
    expect(row.nextAt.getTime() - started).toBeGreaterThanOrEqual(3_000);
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
