import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { requireIntegration } from "./find-integration";

// Shared by the rename form and its server action. Messages are keys under "validation".
export const integrationNameSchema = z.object({ name: z.string().trim().min(2, "required").max(80, "tooLong") });
export type IntegrationNameInput = z.input<typeof integrationNameSchema>;

/** Names tell integrations apart (one per site or channel set), e.g. "JivoChat – loja". */
export async function renameIntegration(db: ScopedDb, integrationId: string, input: IntegrationNameInput): Promise<void> {
  const { name } = integrationNameSchema.parse(input);
  const integration = await requireIntegration(db, integrationId);
  await db.integration.update({ where: { id: integration.id }, data: { name } });
}
