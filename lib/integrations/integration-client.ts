import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import type { PloomesClient } from "@/lib/ploomes/client";
import { connectionClient } from "./connection-client";

/** The Ploomes client of an integration of the scoped account; the key is decrypted server-side only. */
export async function integrationClient(db: ScopedDb, integrationId: string): Promise<{ connectionId: string; client: PloomesClient }> {
  const row = await db.integration.findFirst({ where: { id: String(integrationId) }, select: { connection: true } });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  if (!row.connection) {
    throw new AppError("CONFLICT", "The integration has no Ploomes connection yet.", { fields: { _: "connectionRequired" } });
  }
  return { connectionId: row.connection.id, client: connectionClient(row.connection) };
}
