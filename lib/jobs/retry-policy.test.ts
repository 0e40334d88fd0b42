import { describe, expect, it } from "vitest";
import { backoffMs, nextRunAt, RETRY_WINDOW_MS } from "./retry-policy";

describe("retry policy", () => {
  it("grows exponentially with jitter between half and the full ceiling, capped at 6 h", () => {
    expect(backoffMs(1, () => 0)).toBe(7_500);
    expect(backoffMs(1, () => 1)).toBe(15_000);
    expect(backoffMs(3, () => 1)).toBe(60_000);
    expect(backoffMs(30, () => 1)).toBe(6 * 60 * 60_000);
  });

  it("never waits longer than the cap it is given, but for a longer Retry-After", () => {
    expect(backoffMs(12, () => 1, 50, 800)).toBe(800);
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextRunAt({ attempt: 12, createdAt: now, now, baseMs: 50, capMs: 800, random: () => 1 })?.getTime()).toBe(
      now.getTime() + 800,
    );
    expect(
      nextRunAt({ attempt: 12, createdAt: now, now, baseMs: 50, capMs: 800, retryAfterMs: 1_000 })?.getTime(),
    ).toBe(now.getTime() + 1_000);
  });

  it("honours Retry-After when it is longer than the backoff", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const at = nextRunAt({ attempt: 1, createdAt: now, now, retryAfterMs: 120_000, random: () => 0 });
    expect(at?.getTime()).toBe(now.getTime() + 120_000);
  });

  it("keeps retrying for about three days, then gives up", () => {
    const createdAt = new Date("2026-01-01T00:00:00Z");
    let now = createdAt;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const at = nextRunAt({ attempt: attempts, createdAt, now, random: () => 1 });
      if (!at) break;
      now = at;
    }
    expect(now.getTime() - createdAt.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - 6 * 60 * 60_000);
    expect(attempts).toBeGreaterThan(15);
    expect(attempts).toBeLessThan(30);
  });
});
