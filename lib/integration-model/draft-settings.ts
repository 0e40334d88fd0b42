import { ZodError } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors/app-error";
import type { IntegrationView } from "./integration";
import {
  defaultMappings,
  settingsObjectSchema,
  type IntegrationSettings,
  parseSettings,
  settingsSchema,
} from "./settings-schema";
import { STEP_SETTINGS, type SettingsStep } from "./wizard-steps";

// Stored settings read as a draft (whatever the wizard has so far) or as ready (complete, or refused), and which
// wizard step is still unfinished.

type Key = keyof IntegrationSettings;
const SHAPE = settingsObjectSchema.shape;
const KEYS = Object.keys(SHAPE) as Key[];

/**
 * A draft's settings, every value read on its own (a missing or unreadable one falls back to its default).
 * Drafts are incomplete by nature, so the cross-field rules of `settingsSchema` are not applied here; the
 * wizard screens start from this and `settingsSchema` still decides what may be activated.
 */
export function normalizeSettings(raw: unknown): IntegrationSettings {
  const source = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const entries = KEYS.map((key) => {
    const parsed = SHAPE[key].safeParse(source[key]);
    return [key, parsed.success ? parsed.data : SHAPE[key].parse(undefined)];
  });
  const settings = Object.fromEntries(entries) as IntegrationSettings;
  // No mapping stored yet means "the behaviour's defaults", exactly as settingsSchema reads it.
  return { ...settings, mappings: settings.mappings ?? defaultMappings(settings.behaviour) };
}

export function readDraftSettings(stored: string | null | undefined): IntegrationSettings {
  try {
    return normalizeSettings(stored ? JSON.parse(stored) : {});
  } catch {
    return normalizeSettings({});
  }
}

/** The complete settings of an integration that may receive events, or why it may not (yet). */
export function readySettings(integration: Pick<IntegrationView, "connectionId" | "settings">): IntegrationSettings {
  if (!integration.connectionId) {
    throw new AppError("CONFLICT", "The integration needs a Ploomes connection before it is activated.", {
      fields: { _: "connectionRequired" },
    });
  }
  try {
    return parseSettings(integration.settings);
  } catch (error) {
    if (!(error instanceof ZodError) && !(error instanceof SyntaxError)) throw error;
    const fields = error instanceof ZodError ? zodFieldErrors(error) : {};
    throw new AppError("VALIDATION", "The settings are incomplete: see the flagged steps.", {
      fields: { ...fields, _: "settingsIncomplete" },
    });
  }
}

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
