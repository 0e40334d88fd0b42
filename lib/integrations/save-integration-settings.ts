import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { requireIntegration } from "./find-integration";
import { loadPloomesOptions } from "./load-ploomes-options";
import { mappingTypeIssues } from "./mapping-targets";
import { normalizeSettings, readDraftSettings } from "./read-draft-settings";
import { CUSTOM_PREFIX, settingsSchema, type IntegrationSettings } from "./settings-schema";
import { firstIncompleteStep, settingsStepIssues } from "./settings-step-issues";
import { fitMappings } from "./target-entities";
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
} from "./wizard-steps";

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
    Object.assign(issues, await ownerIssues(db, integration.id, (merged as Pick<IntegrationSettings, "defaultOwnerId">).defaultOwnerId));
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
