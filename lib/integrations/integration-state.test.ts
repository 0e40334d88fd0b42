import { describe, expect, it } from "vitest";
import { connectorState, integrationState } from "./integration-state";

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
