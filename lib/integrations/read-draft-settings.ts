import { defaultMappings, settingsObjectSchema, type IntegrationSettings } from "./settings-schema";

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
