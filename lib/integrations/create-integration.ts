import type { ScopedDb } from "@/lib/db/scoped-db";
import { initialMappings } from "./target-entities";
import { normalizeSettings } from "./read-draft-settings";

/** A new draft JivoChat integration of the account, pre-filled with the default behaviour and its mappings. */
export async function createIntegration(db: ScopedDb, accountId: string): Promise<{ id: string }> {
  const count = await db.integration.count({ where: { connector: "jivo" } });
  const defaults = normalizeSettings({});
  const settings = { ...defaults, mappings: initialMappings(defaults) };
  return db.integration.create({
    data: {
      accountId,
      connector: "jivo",
      name: count === 0 ? "JivoChat" : `JivoChat ${count + 1}`,
      status: "draft",
      wizardStep: "connection",
      settings: JSON.stringify(settings),
    },
    select: { id: true },
  });
}
