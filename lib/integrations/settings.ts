import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import {
  normalizeSettings,
  readDraftSettings,
  firstIncompleteStep,
  settingsStepIssues,
} from "@/lib/integration-model/draft-settings";
import { requireIntegration } from "@/lib/integration-model/integration";
import {
  mappingTypeIssues,
  fitMappings,
  entitiesOfPloomesEntity,
  type CustomTarget,
} from "@/lib/integration-model/mappings";
import { CUSTOM_PREFIX, settingsSchema, type IntegrationSettings } from "@/lib/integration-model/settings-schema";
import {
  SETTINGS_STEPS,
  STEP_SETTINGS,
  earliestStep,
  furthestStep,
  parseWizardStep,
  stepAfter,
  visibleSteps,
  type SettingsStep,
  type WizardStep,
} from "@/lib/integration-model/wizard-steps";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import { STANDARD_FIELDS, type StandardFieldKey } from "@/lib/jivo/standard-fields";
import { ploomesAppError } from "@/lib/ploomes/app-error";
import { cachedMetadata, forgetMetadata } from "@/lib/ploomes/metadata";
import { isCustomField } from "@/lib/ploomes/schemas";
import { integrationClient } from "./connection";

// The wizard's settings: saving a step, and the options (Ploomes lists, sample values, channels) it offers.

export type SaveSettingsResult = { nextStep: WizardStep; paused: boolean };

function pickStepSettings(step: SettingsStep, input: unknown): Record<string, unknown> {
  const source = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  return Object.fromEntries(STEP_SETTINGS[step].filter((key) => key in source).map((key) => [key, source[key]]));
}

async function customFieldIssues(db: ScopedDb, integrationId: string, settings: Record<string, unknown>) {
  const mappings = (settings as Pick<IntegrationSettings, "mappings">).mappings;
  // Standard targets need no Ploomes call; custom ones are checked against the cached field list.
  const needsFields = mappings.some((mapping) => mapping.field.startsWith(CUSTOM_PREFIX));
  const customFields = needsFields ? (await loadPloomesOptions(db, integrationId)).customFields : [];
  return mappingTypeIssues(mappings, customFields);
}

/** A suspended Ploomes user is never an owner (the picker does not offer one; this refuses a stale or forged choice). */
async function ownerIssues(db: ScopedDb, integrationId: string, ownerId: number | null) {
  if (!ownerId) return {};
  const { users } = await loadPloomesOptions(db, integrationId);
  return users.some((user) => user.id === ownerId && user.suspended) ? { defaultOwnerId: "ownerSuspended" } : {};
}

/**
 * Saves one wizard step into the stored settings. The step's values must pass `settingsSchema` (its own fields
 * and the cross-field rules that point at them); other steps may still be unfinished on a draft. A live
 * integration whose settings become incomplete (e.g. the behaviour now creates deals but no funnel is chosen)
 * is paused, so events wait (stored) until the admin finishes and resumes it.
 */
export async function saveIntegrationSettings(
  db: ScopedDb,
  integrationId: string,
  step: SettingsStep,
  input: unknown,
): Promise<SaveSettingsResult> {
  const integration = await requireIntegration(db, integrationId);
  const current = readDraftSettings(integration.settings);
  const merged = { ...current, ...pickStepSettings(step, input) };

  const issues = settingsStepIssues(step, merged);
  if (step === "mapping" && Object.keys(issues).length === 0) {
    Object.assign(issues, await customFieldIssues(db, integration.id, merged));
  }
  if (step === "behaviour" && Object.keys(issues).length === 0) {
    Object.assign(
      issues,
      await ownerIssues(db, integration.id, (merged as Pick<IntegrationSettings, "defaultOwnerId">).defaultOwnerId),
    );
  }
  if (Object.keys(issues).length > 0) throw new AppError("VALIDATION", "Some fields are invalid.", { fields: issues });

  const settings = normalizeSettings(merged);
  if (step === "behaviour") settings.mappings = fitMappings(current.mappings, settings);
  const pause = integration.status === "active" && !settingsSchema.safeParse(settings).success;
  const nextStep = stepAfter(step, settings.behaviour);

  let wizardStep: WizardStep | undefined;
  if (integration.status === "draft") {
    // Never past a step that is still unfinished (a behaviour change can make the funnel step necessary again).
    const steps = SETTINGS_STEPS.filter((candidate) => visibleSteps(settings.behaviour).includes(candidate));
    const reached = furthestStep(parseWizardStep(integration.wizardStep), nextStep);
    const incomplete = firstIncompleteStep(settings, steps);
    wizardStep = earliestStep([reached, incomplete, integration.connectionId ? null : "connection"]);
  }

  await db.integration.update({
    where: { id: integration.id },
    data: { settings: JSON.stringify(settings), wizardStep, ...(pause ? { status: "paused" } : {}) },
  });
  return { nextStep, paused: pause };
}

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
export async function loadPloomesOptions(
  db: ScopedDb,
  integrationId: string,
  options: { refresh?: boolean } = {},
): Promise<PloomesOptions> {
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
      users: users.map((user) => ({
        id: user.Id,
        name: user.Name,
        email: user.Email ?? null,
        suspended: user.Suspended === true,
      })),
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

const MAX_SAMPLE_CHARS = 80;

/**
 * What each JivoChat field held in the integration's last received event, so the mapping screen can show
 * "e.g. Mariana Conceição" next to each source. Empty when nothing arrived yet (or the payload was purged).
 */
export async function loadSampleValues(
  db: ScopedDb,
  integrationId: string,
): Promise<Partial<Record<StandardFieldKey, string>>> {
  const last = await db.webhookEvent.findFirst({
    where: { integrationId: String(integrationId), rawPayload: { not: null } },
    orderBy: { receivedAt: "desc" },
    select: { rawPayload: true, receivedAt: true },
  });
  if (!last?.rawPayload) return {};
  let body: unknown;
  try {
    body = JSON.parse(last.rawPayload);
  } catch {
    return {};
  }
  const parsed = parseJivoEvent(body, { receivedAt: last.receivedAt });
  if (!parsed.ok) return {};
  const samples: Partial<Record<StandardFieldKey, string>> = {};
  for (const field of STANDARD_FIELDS) {
    const value = field.read(parsed.event);
    if (value === null || value === "") continue;
    const text = String(value).replace(/\s+/g, " ").trim();
    samples[field.key] = text.length > MAX_SAMPLE_CHARS ? `${text.slice(0, MAX_SAMPLE_CHARS - 1)}…` : text;
  }
  return samples;
}

/** Channel ids (`widget_id`) this integration has already heard from, newest first, as picks for the channel step. */
export async function listChannelSuggestions(db: ScopedDb, integrationId: string): Promise<string[]> {
  const rows = await db.webhookEvent.findMany({
    where: { integrationId: String(integrationId), widgetId: { not: null } },
    distinct: ["widgetId"],
    orderBy: { receivedAt: "desc" },
    select: { widgetId: true },
    take: 20,
  });
  return rows.flatMap((row) => (row.widgetId ? [row.widgetId] : []));
}
