// What the catalogue and the lists say about an integration: its stored status, turned "com erro" when the
// worker flagged a problem (bad key, missing stage…) that an admin must fix.
export const INTEGRATION_STATUSES = ["draft", "active", "paused", "inactive"] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

export type IntegrationState = "draft" | "active" | "paused" | "error" | "inactive";
export type ConnectorState = "disabled" | "active" | "paused" | "error";

export function integrationState(integration: { status: string; flaggedReason: string | null }): IntegrationState {
  const live = integration.status === "active" || integration.status === "paused";
  if (live && integration.flaggedReason) return "error";
  if (integration.status === "active" || integration.status === "paused" || integration.status === "inactive") {
    return integration.status;
  }
  return "draft";
}

/** One state for a connector card: the most urgent of its integrations; drafts and inactive ones do not count. */
export function connectorState(states: IntegrationState[]): ConnectorState {
  if (states.includes("error")) return "error";
  if (states.includes("active")) return "active";
  if (states.includes("paused")) return "paused";
  return "disabled";
}
