import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryPacer, slotIntervalMs } from "./pacer";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function releaseTimes(run: () => Promise<void>[]): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  const all = Promise.all(run().map((p) => p.then(() => times.push(Date.now() - start))));
  await vi.runAllTimersAsync();
  await all;
  return times;
}

describe("slotIntervalMs", () => {
  it("rounds up so the budget can never be exceeded", () => {
    expect(slotIntervalMs(120)).toBe(500);
    expect(slotIntervalMs(7)).toBe(8572);
    expect(() => slotIntervalMs(0)).toThrow();
  });
});

describe("createMemoryPacer", () => {
  it("lets the first call through at once and spaces the rest by the interval", async () => {
    const pacer = createMemoryPacer({ perMinute: 600 });
    const times = await releaseTimes(() => Array.from({ length: 5 }, () => pacer.acquire()));
    expect(times).toEqual([0, 100, 200, 300, 400]);
  });

  it("does not bank unused time: after idling, calls are spaced again", async () => {
    const pacer = createMemoryPacer({ perMinute: 600 });
    await releaseTimes(() => [pacer.acquire()]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await releaseTimes(() => [pacer.acquire(), pacer.acquire(), pacer.acquire()])).toEqual([0, 100, 200]);
  });

  it("holds every caller back after a penalty", async () => {
    const pacer = createMemoryPacer({ perMinute: 600 });
    await pacer.penalize(5_000);
    expect(await releaseTimes(() => [pacer.acquire(), pacer.acquire()])).toEqual([5_000, 5_100]);
  });

  it("rejects with the abort reason and never resolves an aborted wait", async () => {
    const pacer = createMemoryPacer({ perMinute: 1 });
    await pacer.acquire();
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    await expect(pacer.acquire(controller.signal)).rejects.toThrow("stop");
  });
});
