import { describe, expect, it } from "vitest";
import { eventStatusView, isSettling } from "./event-status";

const runAt = new Date("2026-11-20T15:30:00Z");

describe("event status shown in the log", () => {
  it.each([
    ["received", "neutral"],
    ["processing", "info"],
    ["done", "success"],
    ["failed", "danger"],
    ["ignored", "muted"],
    ["paused", "muted"],
  ] as const)("%s → %s", (status, tone) => {
    expect(eventStatusView({ status, deliveries: 1, job: null })).toEqual({
      key: status,
      tone,
      retryAt: null,
      repeatedDeliveries: 0,
    });
  });

  it("a retrying event says when it runs again, from its queued job", () => {
    expect(eventStatusView({ status: "retrying", deliveries: 1, job: { status: "queued", runAt } })).toMatchObject({
      key: "retrying",
      tone: "warning",
      retryAt: runAt,
    });
    // Already picked up again: no stale time.
    expect(
      eventStatusView({ status: "retrying", deliveries: 1, job: { status: "running", runAt } }).retryAt,
    ).toBeNull();
    expect(eventStatusView({ status: "done", deliveries: 1, job: { status: "queued", runAt } }).retryAt).toBeNull();
  });

  it("counts repeated deliveries and tolerates unknown statuses", () => {
    expect(eventStatusView({ status: "done", deliveries: 4, job: null }).repeatedDeliveries).toBe(3);
    expect(eventStatusView({ status: "teleported", deliveries: 1, job: null })).toMatchObject({
      key: "unknown",
      tone: "muted",
    });
  });

  it("only unsettled rows keep the page refreshing", () => {
    expect(["received", "processing", "retrying"].every(isSettling)).toBe(true);
    expect(["done", "failed", "ignored", "paused"].some(isSettling)).toBe(false);
  });
});
