import { describe, expect, it } from "vitest";
import { connectorState, integrationState, isSilent } from "./integration";

describe("integration state", () => {
  it("shows a flagged live integration as 'com erro' and sums a connector up by its most urgent integration", () => {
    expect(integrationState({ status: "active", flaggedReason: "Chave recusada" })).toBe("error");
    expect(integrationState({ status: "draft", flaggedReason: "x" })).toBe("draft");
    expect(connectorState([])).toBe("disabled");
    expect(connectorState(["draft", "inactive"])).toBe("disabled");
    expect(connectorState(["paused", "active"])).toBe("active");
    expect(connectorState(["active", "error"])).toBe("error");
  });
});

const now = new Date("2025-03-10T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60_000);
const base = { status: "active", lastEventAt: null, activatedAt: hoursAgo(100), silenceAlertHours: 24 };

describe("isSilent", () => {
  it.each([
    ["an event 23 h ago", { lastEventAt: hoursAgo(23) }, false],
    ["the last event 25 h ago", { lastEventAt: hoursAgo(25) }, true],
    ["nothing since the activation 100 h ago", {}, true],
    ["nothing since an activation 2 h ago", { activatedAt: hoursAgo(2) }, false],
    ["a longer threshold", { lastEventAt: hoursAgo(25), silenceAlertHours: 48 }, false],
    ["a paused integration", { status: "paused", lastEventAt: hoursAgo(500) }, false],
    ["a draft", { status: "draft", activatedAt: null }, false],
  ])("%s", (_label, patch, expected) => {
    expect(isSilent({ ...base, ...patch }, now)).toBe(expected);
  });
});
