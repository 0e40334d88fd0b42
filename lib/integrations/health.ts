import type { Integration, PloomesConnection } from "@prisma/client";
import { clearIntegrationFlag, flagIntegration } from "@/lib/alerts/start-alerts";
import { systemDb } from "@/lib/db/client";
import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { readDraftSettings, firstIncompleteStep } from "@/lib/integration-model/draft-settings";
import { isSilent } from "@/lib/integration-model/integration";
import { behaviourCreatesDeal, CUSTOM_PREFIX, settingsSchema } from "@/lib/integration-model/settings-schema";
import { SETTINGS_STEPS, visibleSteps, type WizardStep } from "@/lib/integration-model/wizard-steps";
import { connectionClient } from "@/lib/ploomes/connection-client";
import { PloomesError } from "@/lib/ploomes/errors";
import { cachedMetadata, peekMetadata } from "@/lib/ploomes/metadata";
import { isCustomField } from "@/lib/ploomes/schemas";

// Integration health: the check against Ploomes (periodic and "Verificar agora") and the status and silence the
// screens show.

export type HealthProblem = {
  code:
    | "key_refused"
    | "unreachable"
    | "invalid_settings"
    | "stage_missing"
    | "owner_missing"
    | "owner_suspended"
    | "field_missing";
  detail: string;
};

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

async function findProblems(
  integration: Integration & { connection: PloomesConnection | null },
): Promise<HealthProblem[]> {
  const connection = integration.connection;
  if (!connection)
    return [{ code: "invalid_settings", detail: "Nenhuma conta do Ploomes conectada: conclua a etapa Conexão." }];
  const settings = settingsSchema.safeParse(JSON.parse(integration.settings || "{}"));
  if (!settings.success) {
    return [{ code: "invalid_settings", detail: "Configuração incompleta: revise o assistente da integração." }];
  }
  const client = connectionClient(connection);
  try {
    await client.verifyKey();
  } catch (error) {
    if (error instanceof PloomesError && (error.kind === "unauthorized" || error.kind === "forbidden")) {
      return [
        {
          code: "key_refused",
          detail: `O Ploomes recusou a chave da API (${error.status}): gere uma nova chave do usuário de integração e reconecte.`,
        },
      ];
    }
    return [
      {
        code: "unreachable",
        detail: `Não foi possível falar com o Ploomes (${error instanceof Error ? error.message : error}).`,
      },
    ];
  }

  const problems: HealthProblem[] = [];
  const { pipelineId, stageId, defaultOwnerId, mappings, behaviour } = settings.data;
  if (behaviourCreatesDeal(behaviour)) {
    const pipelines = await cachedMetadata(connection.id, client, "pipelines", { refresh: true });
    const pipeline = pipelines.find((p) => p.Id === pipelineId);
    if (!pipeline)
      problems.push({
        code: "stage_missing",
        detail: `O funil configurado (#${pipelineId}) não existe mais: escolha outro na etapa Funil e estágio.`,
      });
    else if (!pipeline.Stages?.some((s) => s.Id === stageId)) {
      problems.push({
        code: "stage_missing",
        detail: `O estágio configurado (#${stageId}) não existe mais no funil "${pipeline.Name}": escolha outro.`,
      });
    }
  }
  if (defaultOwnerId) {
    const users = await cachedMetadata(connection.id, client, "users", { refresh: true });
    const owner = users.find((user) => user.Id === defaultOwnerId);
    if (!owner) {
      problems.push({
        code: "owner_missing",
        detail: `O responsável padrão (#${defaultOwnerId}) não existe mais no Ploomes: escolha outro.`,
      });
    } else if (owner.Suspended) {
      problems.push({
        code: "owner_suspended",
        detail: `O responsável padrão (${owner.Name}) está suspenso no Ploomes: escolha outro.`,
      });
    }
  }
  const custom = mappings.filter((mapping) => mapping.field.startsWith(CUSTOM_PREFIX));
  if (custom.length > 0) {
    // Names come from the previous snapshot: a deleted field is no longer in Ploomes' answer.
    const known = new Map(
      (await peekMetadata(connection.id, client, "fields"))?.map((field) => [field.Key, field.Name]) ?? [],
    );
    const fields = await cachedMetadata(connection.id, client, "fields", { refresh: true });
    for (const mapping of custom) {
      const key = mapping.field.slice(CUSTOM_PREFIX.length);
      if (!fields.some((field) => field.Key === key && isCustomField(field))) {
        const name = known.get(key) ?? key;
        problems.push({
          code: "field_missing",
          detail: `O campo personalizado "${name}" (mapeado de ${mapping.source}) não existe mais no Ploomes: remova ou troque o mapeamento.`,
        });
      }
    }
  }
  return problems;
}

/** A problem found by "Verificar agora", with the wizard step where it is fixed (null: nothing to change, retry). */
export type HealthFinding = HealthProblem & { step: WizardStep | null };

const FIX_STEP: Record<Exclude<HealthProblem["code"], "invalid_settings">, WizardStep | null> = {
  key_refused: "connection",
  unreachable: null,
  stage_missing: "funnel",
  owner_missing: "funnel",
  owner_suspended: "behaviour",
  field_missing: "mapping",
};

/**
 * "Verificar agora": the worker's periodic health check, run on demand for one integration of the account. Like
 * the periodic one, it flags the integration with what broke (or clears the flag) and stamps `lastHealthAt`.
 */
export async function checkHealthNow(db: ScopedDb, integrationId: string): Promise<HealthFinding[]> {
  const integration = await db.integration.findFirst({
    where: { id: String(integrationId) },
    include: { connection: true },
  });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found.");
  const problems = await checkIntegrationHealth(integration);
  const settings = readDraftSettings(integration.settings);
  const unfinished = () =>
    integration.connection
      ? firstIncompleteStep(
          settings,
          SETTINGS_STEPS.filter((step) => visibleSteps(settings.behaviour).includes(step)),
        )
      : "connection";
  return problems.map((problem) => ({
    ...problem,
    step: problem.code === "invalid_settings" ? unfinished() : FIX_STEP[problem.code],
  }));
}

/** What the activation screen says about an integration's health: last event, last check, flag and silence. */
export async function loadHealthStatus(db: ScopedDb, integrationId: string, now = new Date()) {
  const row = await db.integration.findFirst({
    where: { id: String(integrationId) },
    select: {
      status: true,
      settings: true,
      lastEventAt: true,
      lastHealthAt: true,
      flaggedReason: true,
      flaggedAt: true,
      activatedAt: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  const { silenceAlertHours } = readDraftSettings(row.settings);
  return {
    status: row.status,
    lastEventAt: row.lastEventAt,
    lastHealthAt: row.lastHealthAt,
    flaggedReason: row.flaggedReason,
    flaggedAt: row.flaggedAt,
    silenceAlertHours,
    silent: isSilent({ ...row, silenceAlertHours }, now),
  };
}

export type HealthStatus = Awaited<ReturnType<typeof loadHealthStatus>>;

/** The account's active integrations of a connector that received nothing for longer than their alert, with that threshold. */
export async function listSilentIntegrations(
  db: ScopedDb,
  connector: string,
  now = new Date(),
): Promise<Map<string, number>> {
  const rows = await db.integration.findMany({
    where: { connector, status: "active" },
    select: { id: true, status: true, settings: true, lastEventAt: true, activatedAt: true },
  });
  const silent = new Map<string, number>();
  for (const row of rows) {
    const { silenceAlertHours } = readDraftSettings(row.settings);
    if (isSilent({ ...row, silenceAlertHours }, now)) silent.set(row.id, silenceAlertHours);
  }
  return silent;
}
