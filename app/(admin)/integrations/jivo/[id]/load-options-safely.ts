import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { loadPloomesOptions, type PloomesOptions } from "@/lib/integrations/settings";

export const NO_OPTIONS: PloomesOptions = { pipelines: [], users: [], customFields: [] };

/** Picker options for a screen; when Ploomes cannot be read the screen still opens, saying why (a message key). */
export async function loadOptionsSafely(
  db: ScopedDb,
  integrationId: string,
): Promise<{ options: PloomesOptions; errorKey: string | null }> {
  try {
    return { options: await loadPloomesOptions(db, integrationId), errorKey: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { options: NO_OPTIONS, errorKey: error.fields?._ ?? "ploomesFailed" };
  }
}
