import type { Prisma } from "@prisma/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";

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
    select: { id: true, baseUrl: true, apiKeyLast4: true, isSandbox: true, sandboxTenantId: true, ploomesAccountName: true, verifiedAt: true },
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
