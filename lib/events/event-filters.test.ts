import { describe, expect, it } from "vitest";
import { eventFiltersQuery, parseEventFilters, addDays, dayKey, dayStart, isDayKey } from "./event-filters";

describe("event filters from the URL", () => {
  it("reads every filter", () => {
    expect(
      parseEventFilters({
        status: "failed",
        integration: "ckint123",
        from: "2026-11-01",
        to: "2026-11-30",
        q: " Maria ",
        page: "3",
      }),
    ).toEqual({ status: "failed", integration: "ckint123", from: "2026-11-01", to: "2026-11-30", q: "Maria", page: 3 });
  });

  it("falls back to no filter on bad values instead of failing", () => {
    expect(
      parseEventFilters({
        status: "exploded",
        integration: "a'b; drop",
        from: "2026-02-30",
        to: "ontem",
        q: "   ",
        page: "-2",
      }),
    ).toEqual({ status: undefined, integration: undefined, from: undefined, to: undefined, q: undefined, page: 1 });
    expect(parseEventFilters({ page: "abc" }).page).toBe(1);
    expect(parseEventFilters({ page: "1.5" }).page).toBe(1);
    expect(parseEventFilters({}).page).toBe(1);
  });

  it("takes the first of repeated keys and clips long searches", () => {
    const filters = parseEventFilters({ status: ["done", "failed"], q: "x".repeat(300) });
    expect(filters.status).toBe("done");
    expect(filters.q).toHaveLength(100);
  });

  it("accepts the duplicate pseudo-status and swaps a backwards period", () => {
    expect(parseEventFilters({ status: "duplicate", from: "2026-11-30", to: "2026-11-01" })).toMatchObject({
      status: "duplicate",
      from: "2026-11-01",
      to: "2026-11-30",
    });
  });

  it("writes a query string without empty values, page 1 implied", () => {
    expect(eventFiltersQuery({ status: "failed", q: "ana maria", page: 1 })).toBe("?q=ana+maria&status=failed");
    expect(eventFiltersQuery({ page: 2 })).toBe("?page=2");
    expect(eventFiltersQuery({})).toBe("");
  });
});

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
