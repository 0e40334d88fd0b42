import type { Prisma } from "@prisma/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { requireIntegration } from "./find-integration";
import type { IntegrationStatus } from "./integration-state";

/**
 * Moves an integration between statuses in one conditional write, so two admins clicking at once cannot, say,
 * resume an integration another just deactivated. NOT_FOUND for another account's id, CONFLICT otherwise.
 */
export async function changeIntegrationStatus(
  db: ScopedDb,
  integrationId: string,
  from: IntegrationStatus[],
  data: Prisma.IntegrationUpdateManyMutationInput,
): Promise<void> {
  const { count } = await db.integration.updateMany({ where: { id: String(integrationId), status: { in: from } }, data });
  if (count === 1) return;
  const integration = await requireIntegration(db, integrationId);
  throw new AppError("CONFLICT", `The integration is "${integration.status}" now.`, {
    fields: { _: "statusConflict" },
    params: { status: integration.status },
  });
}
