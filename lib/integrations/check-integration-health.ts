import type { Integration, PloomesConnection } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { PloomesError } from "@/lib/ploomes/errors";
import { isCustomField } from "@/lib/ploomes/schemas";
import { cachedMetadata, peekMetadata } from "@/lib/sync/ploomes-metadata";
import { connectionClient } from "./connection-client";
import { clearIntegrationFlag, flagIntegration } from "./flag-integration";
import { behaviourCreatesDeal, CUSTOM_PREFIX, settingsSchema } from "./settings-schema";

export type HealthProblem = { code: "key_refused" | "unreachable" | "invalid_settings" | "stage_missing" | "owner_missing" | "owner_suspended" | "field_missing"; detail: string };

/**
 * Checks, against Ploomes, that what the integration relies on still exists: the key, the funnel and stage, the
 * default owner and every mapped custom field. Problems flag the integration with a message naming them and how
 * to fix it; a clean check clears the flag. Events keep being stored meanwhile.
 */
export async function checkIntegrationHealth(integration: Integration & { connection: PloomesConnection | null }) {
  const problems = await findProblems(integration);
  await systemDb.integration.updateMany({ where: { id: integration.id }, data: { lastHealthAt: new Date() } });
  if (problems.length === 0) await clearIntegrationFlag(integration.id);
  else await flagIntegration(integration.id, problems.map((problem) => problem.detail).join(" "));
  return problems;
}

async function findProblems(integration: Integration & { connection: PloomesConnection | null }): Promise<HealthProblem[]> {
  const connection = integration.connection;
  if (!connection) return [{ code: "invalid_settings", detail: "Nenhuma conta do Ploomes conectada: conclua a etapa Conexão." }];
  const settings = settingsSchema.safeParse(JSON.parse(integration.settings || "{}"));
  if (!settings.success) {
    return [{ code: "invalid_settings", detail: "Configuração incompleta: revise o assistente da integração." }];
  }
  const client = connectionClient(connection);
  try {
    await client.verifyKey();
  } catch (error) {
    if (error instanceof PloomesError && (error.kind === "unauthorized" || error.kind === "forbidden")) {
      return [{ code: "key_refused", detail: `O Ploomes recusou a chave da API (${error.status}): gere uma nova chave do usuário de integração e reconecte.` }];
    }
    return [{ code: "unreachable", detail: `Não foi possível falar com o Ploomes (${error instanceof Error ? error.message : error}).` }];
  }

  const problems: HealthProblem[] = [];
  const { pipelineId, stageId, defaultOwnerId, mappings, behaviour } = settings.data;
  if (behaviourCreatesDeal(behaviour)) {
    const pipelines = await cachedMetadata(connection.id, client, "pipelines", { refresh: true });
    const pipeline = pipelines.find((p) => p.Id === pipelineId);
    if (!pipeline) problems.push({ code: "stage_missing", detail: `O funil configurado (#${pipelineId}) não existe mais: escolha outro na etapa Funil e estágio.` });
    else if (!pipeline.Stages?.some((s) => s.Id === stageId)) {
      problems.push({ code: "stage_missing", detail: `O estágio configurado (#${stageId}) não existe mais no funil "${pipeline.Name}": escolha outro.` });
    }
  }
  if (defaultOwnerId) {
    const users = await cachedMetadata(connection.id, client, "users", { refresh: true });
    const owner = users.find((user) => user.Id === defaultOwnerId);
    if (!owner) {
      problems.push({ code: "owner_missing", detail: `O responsável padrão (#${defaultOwnerId}) não existe mais no Ploomes: escolha outro.` });
    } else if (owner.Suspended) {
      problems.push({ code: "owner_suspended", detail: `O responsável padrão (${owner.Name}) está suspenso no Ploomes: escolha outro.` });
    }
  }
  const custom = mappings.filter((mapping) => mapping.field.startsWith(CUSTOM_PREFIX));
  if (custom.length > 0) {
    // Names come from the previous snapshot: a deleted field is no longer in Ploomes' answer.
    const known = new Map((await peekMetadata(connection.id, client, "fields"))?.map((field) => [field.Key, field.Name]) ?? []);
    const fields = await cachedMetadata(connection.id, client, "fields", { refresh: true });
    for (const mapping of custom) {
      const key = mapping.field.slice(CUSTOM_PREFIX.length);
      if (!fields.some((field) => field.Key === key && isCustomField(field))) {
        const name = known.get(key) ?? key;
        problems.push({ code: "field_missing", detail: `O campo personalizado "${name}" (mapeado de ${mapping.source}) não existe mais no Ploomes: remova ou troque o mapeamento.` });
      }
    }
  }
  return problems;
}
