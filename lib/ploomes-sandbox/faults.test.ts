import { describe, expect, it } from "vitest";
import { seededRandom } from "@/test/reliability/lib/seeded-random";
import { faultSchedule, pickFault } from "./faults";

const draws =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0.99;

describe("pickFault", () => {
  it("injects nothing when both rates are 0, without drawing", () => {
    const random = () => {
      throw new Error("must not draw");
    };
    expect(pickFault({ errorRate: 0, rateLimitRate: 0 }, random)).toBeNull();
  });

  it("always fails at rate 1", () => {
    expect(pickFault({ errorRate: 1, rateLimitRate: 0 })).toBe("server_error");
    expect(pickFault({ errorRate: 0, rateLimitRate: 1 })).toBe("rate_limited");
  });

  it("fails when the draw falls below the rate", () => {
    expect(pickFault({ errorRate: 0.3, rateLimitRate: 0 }, draws(0.29))).toBe("server_error");
    expect(pickFault({ errorRate: 0.3, rateLimitRate: 0 }, draws(0.3))).toBeNull();
    expect(pickFault({ errorRate: 0.5, rateLimitRate: 0.2 }, draws(0.5, 0.1))).toBe("server_error");
    expect(pickFault({ errorRate: 0.5, rateLimitRate: 0.2 }, draws(0.1))).toBe("rate_limited");
  });

  it("injects roughly the requested share", () => {
    let failures = 0;
    const random = seededRandom(7).next;
    for (let i = 0; i < 10_000; i++) if (pickFault({ errorRate: 0.25, rateLimitRate: 0 }, random)) failures++;
    expect(failures).toBeGreaterThan(2_200);
    expect(failures).toBeLessThan(2_800);
  });

  it("a schedule drawn from a seed is the same every time, with the requested shares", () => {
    const draw = () => faultSchedule({ errorRate: 0.2, rateLimitRate: 0.1 }, 2_000, seededRandom(42).next);
    const schedule = draw();
    expect(draw()).toEqual(schedule);
    const share = (answer: string) => schedule.filter((entry) => entry === answer).length / schedule.length;
    expect(share("429")).toBeCloseTo(0.1, 1);
    expect(share("500")).toBeCloseTo(0.18, 1); // 20 % of the requests not already answered 429
    expect(faultSchedule({ errorRate: 0.2, rateLimitRate: 0.1 }, 2_000, seededRandom(43).next)).not.toEqual(schedule);
  });
});
