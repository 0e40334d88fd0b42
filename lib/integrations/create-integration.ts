import type { ScopedDb } from "@/lib/db/scoped-db";
import { initialMappings } from "./target-entities";
import { normalizeSettings } from "./read-draft-settings";

/** "JivoChat", then "JivoChat 2", "JivoChat 3"…: the first name no integration of the account has (drafts get discarded). */
function firstFreeName(taken: Set<string>): string {
  if (!taken.has("JivoChat")) return "JivoChat";
  let n = 2;
  while (taken.has(`JivoChat ${n}`)) n += 1;
  return `JivoChat ${n}`;
}

/** A new draft JivoChat integration of the account, pre-filled with the default behaviour and its mappings. */
export async function createIntegration(db: ScopedDb, accountId: string): Promise<{ id: string }> {
  const named = await db.integration.findMany({ where: { connector: "jivo" }, select: { name: true } });
  const defaults = normalizeSettings({});
  const settings = { ...defaults, mappings: initialMappings(defaults) };
  return db.integration.create({
    data: {
      accountId,
      connector: "jivo",
      name: firstFreeName(new Set(named.map((row) => row.name))),
      status: "draft",
      wizardStep: "connection",
      settings: JSON.stringify(settings),
    },
    select: { id: true },
  });
}
