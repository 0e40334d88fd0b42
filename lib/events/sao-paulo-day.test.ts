import { describe, expect, it } from "vitest";
import { addDays, dayKey, dayStart, isDayKey } from "./sao-paulo-day";

describe("São Paulo days", () => {
  it("a day starts at 03:00 UTC and late evenings belong to the same day", () => {
    expect(dayStart("2026-11-20").toISOString()).toBe("2026-11-20T03:00:00.000Z");
    expect(dayKey(new Date("2026-11-21T02:59:59Z"))).toBe("2026-11-20");
    expect(dayKey(new Date("2026-11-21T03:00:00Z"))).toBe("2026-11-21");
  });

  it("steps across months and validates calendar days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(isDayKey("2026-02-28")).toBe(true);
    expect(isDayKey("2026-02-30")).toBe(false);
    expect(isDayKey("20-11-2026")).toBe(false);
  });
});
