import { z } from "zod";
import { behaviourCreatesDeal, type Behaviour, type IntegrationSettings } from "./settings-schema";

// The wizard's screens in order. `Integration.wizardStep` stores the first step not yet completed, so an
// admin who leaves resumes there; editing an active integration later uses the same screens.
export const WIZARD_STEPS = ["connection", "behaviour", "funnel", "mapping", "channels", "activate"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export const wizardStepSchema = z.enum(WIZARD_STEPS);

export const SETTINGS_STEPS = ["behaviour", "funnel", "mapping", "channels"] as const;
export type SettingsStep = (typeof SETTINGS_STEPS)[number];
export const settingsStepSchema = z.enum(SETTINGS_STEPS);

/** The settings each step edits; a step's save touches only these. */
export const STEP_SETTINGS = {
  // Every behaviour's records get an owner, and the funnel step is skipped for some: the owner is chosen here.
  behaviour: [
    "behaviour",
    "offlineBehaviour",
    "agentLookup",
    "createOnChatStart",
    "recordCalls",
    "defaultOwnerId",
    "ownerFromAgent",
  ],
  funnel: ["pipelineId", "stageId", "avoidDuplicateDeals", "dealTitleTemplate"],
  mapping: ["mappings", "writeTranscript"],
  channels: ["widgetIds", "silenceAlertHours"],
} as const satisfies Record<SettingsStep, readonly (keyof IntegrationSettings)[]>;

export type StepSettings<S extends SettingsStep> = Pick<IntegrationSettings, (typeof STEP_SETTINGS)[S][number]>;

const indexOf = (step: WizardStep) => WIZARD_STEPS.indexOf(step);

/** The funnel step only exists for behaviours that create a deal. */
export function visibleSteps(behaviour: Behaviour): WizardStep[] {
  return WIZARD_STEPS.filter((step) => step !== "funnel" || behaviourCreatesDeal(behaviour));
}

/** The first visible step at or after `step` (a stored step may have been hidden by a behaviour change). */
export function resumeStep(step: WizardStep, behaviour: Behaviour): WizardStep {
  return visibleSteps(behaviour).find((candidate) => indexOf(candidate) >= indexOf(step)) ?? "activate";
}

export function stepAfter(step: WizardStep, behaviour: Behaviour): WizardStep {
  return visibleSteps(behaviour).find((candidate) => indexOf(candidate) > indexOf(step)) ?? "activate";
}

export function stepBefore(step: WizardStep, behaviour: Behaviour): WizardStep | null {
  return visibleSteps(behaviour).findLast((candidate) => indexOf(candidate) < indexOf(step)) ?? null;
}

export function furthestStep(a: WizardStep, b: WizardStep): WizardStep {
  return indexOf(a) >= indexOf(b) ? a : b;
}

export function earliestStep(steps: (WizardStep | null)[]): WizardStep {
  const present = steps.filter((step): step is WizardStep => step !== null);
  return present.reduce((earliest, step) => (indexOf(step) < indexOf(earliest) ? step : earliest), "activate");
}

/** A step counts as completed once the wizard moved past it; a live integration has been through all of them. */
export function isStepCompleted(step: WizardStep, wizardStep: WizardStep, status: string): boolean {
  if (status !== "draft") return true;
  return indexOf(step) < indexOf(wizardStep);
}

/** Reads a stored `wizardStep` leniently: an unknown value restarts at the connection. */
export function parseWizardStep(stored: string): WizardStep {
  const parsed = wizardStepSchema.safeParse(stored);
  return parsed.success ? parsed.data : "connection";
}
