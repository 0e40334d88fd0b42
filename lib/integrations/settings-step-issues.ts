import { settingsSchema } from "./settings-schema";
import { STEP_SETTINGS, type SettingsStep } from "./wizard-steps";

/**
 * The problems `settingsSchema` finds in the settings a step edits, as `{ "mappings.2.field": "duplicateTarget" }`
 * (messages are keys under "validation"). Problems of other steps are left to those steps, so an admin can save
 * the wizard step by step; the form's resolver and the server action both call this.
 */
export function settingsStepIssues(step: SettingsStep, settings: unknown): Record<string, string> {
  const result = settingsSchema.safeParse(settings);
  if (result.success) return {};
  const keys: readonly string[] = STEP_SETTINGS[step];
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const [head] = issue.path;
    if (typeof head !== "string" || !keys.includes(head)) continue;
    fields[issue.path.join(".")] ??= issue.message;
  }
  return fields;
}

/** The first step, in wizard order, whose settings do not pass yet; null when the settings are complete. */
export function firstIncompleteStep(settings: unknown, steps: readonly SettingsStep[]): SettingsStep | null {
  return steps.find((step) => Object.keys(settingsStepIssues(step, settings)).length > 0) ?? null;
}
