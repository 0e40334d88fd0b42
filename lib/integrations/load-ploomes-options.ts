import type { ScopedDb } from "@/lib/db/scoped-db";
import { isCustomField } from "@/lib/ploomes/schemas";
import { cachedMetadata, forgetMetadata } from "@/lib/sync/ploomes-metadata";
import { integrationClient } from "./integration-client";
import { entitiesOfPloomesEntity, type CustomTarget } from "./mapping-targets";
import { ploomesAppError } from "./ploomes-app-error";

export type PloomesOptions = {
  pipelines: { id: number; name: string; stages: { id: number; name: string }[] }[];
  /** Suspended users are listed (a stored choice must be recognisable) but never offered. */
  users: { id: number; name: string; email: string | null; suspended: boolean }[];
  customFields: CustomTarget[];
};

/**
 * Funnels with their stages, users and custom fields for the wizard's pickers, from the per-connection cache
 * (`refresh` is "Atualizar dados do Ploomes"). Only what the pickers show leaves the server. Native fields are
 * not custom targets: the mapping offers them as the record's own properties (STANDARD_TARGETS).
 */
export async function loadPloomesOptions(db: ScopedDb, integrationId: string, options: { refresh?: boolean } = {}): Promise<PloomesOptions> {
  const { connectionId, client } = await integrationClient(db, integrationId);
  // "Atualizar dados do Ploomes" refreshes the origin too: the next event finds (or creates) it in the account anew.
  if (options.refresh) await forgetMetadata(connectionId, "origin");
  try {
    const [pipelines, users, fields] = await Promise.all([
      cachedMetadata(connectionId, client, "pipelines", options),
      cachedMetadata(connectionId, client, "users", options),
      cachedMetadata(connectionId, client, "fields", options),
    ]);
    return {
      pipelines: pipelines.map((pipeline) => ({
        id: pipeline.Id,
        name: pipeline.Name,
        stages: [...(pipeline.Stages ?? [])]
          .sort((a, b) => (a.Ordination ?? 0) - (b.Ordination ?? 0))
          .map((stage) => ({ id: stage.Id, name: stage.Name })),
      })),
      users: users.map((user) => ({ id: user.Id, name: user.Name, email: user.Email ?? null, suspended: user.Suspended === true })),
      customFields: fields.filter(isCustomField).flatMap((field) =>
        entitiesOfPloomesEntity(field.EntityId).map((entity) => ({
          key: field.Key,
          name: field.Name,
          entity,
          nativeType: field.Type.NativeType,
        })),
      ),
    };
  } catch (error) {
    throw ploomesAppError(error);
  }
}
