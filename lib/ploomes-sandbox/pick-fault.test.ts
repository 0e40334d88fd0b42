import { describe, expect, it } from "vitest";
import { pickFault } from "./pick-fault";

const draws = (...values: number[]) => () => values.shift() ?? 0.99;

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
    for (let i = 0; i < 10_000; i++) if (pickFault({ errorRate: 0.25, rateLimitRate: 0 })) failures++;
    expect(failures).toBeGreaterThan(2_200);
    expect(failures).toBeLessThan(2_800);
  });
});
