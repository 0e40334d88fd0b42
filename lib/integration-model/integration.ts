import type { Prisma } from "@prisma/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";

// An integration: its statuses and the state the screens show, the account-scoped look-up, and the "silent" rule.

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

// What screens and actions read of an integration. The connection's key (even encrypted) is never selected
// here, so it cannot end up in a page's props.
const integrationView = {
  id: true,
  accountId: true,
  connector: true,
  name: true,
  status: true,
  settings: true,
  wizardStep: true,
  tokenHint: true,
  flaggedReason: true,
  flaggedAt: true,
  lastEventAt: true,
  activatedAt: true,
  connectionId: true,
  connection: {
    select: {
      id: true,
      baseUrl: true,
      apiKeyLast4: true,
      isSandbox: true,
      sandboxTenantId: true,
      ploomesAccountName: true,
      verifiedAt: true,
    },
  },
} satisfies Prisma.IntegrationSelect;

export type IntegrationView = Prisma.IntegrationGetPayload<{ select: typeof integrationView }>;

/** The integration of the scoped account, or null (another account's id looks exactly like a missing one). */
export function findIntegration(db: ScopedDb, id: string): Promise<IntegrationView | null> {
  return db.integration.findFirst({ where: { id: String(id) }, select: integrationView });
}

export async function requireIntegration(db: ScopedDb, id: string): Promise<IntegrationView> {
  const integration = await findIntegration(db, id);
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found.");
  return integration;
}

const HOUR_MS = 60 * 60_000;

export type SilenceInput = {
  status: string;
  lastEventAt: Date | null;
  activatedAt: Date | null;
  silenceAlertHours: number;
};

/**
 * Whether an active integration has been quiet for longer than its alert threshold. Silence almost always means
 * JivoChat is not calling the URL (never pasted, pasted in another channel, or the URL was rotated), so it is
 * counted from the last event or, before the first one, from the activation. Paused or draft integrations are
 * quiet by design.
 */
export function isSilent(integration: SilenceInput, now = new Date()): boolean {
  if (integration.status !== "active") return false;
  const since = integration.lastEventAt ?? integration.activatedAt;
  if (!since) return false;
  return now.getTime() - since.getTime() > integration.silenceAlertHours * HOUR_MS;
}
