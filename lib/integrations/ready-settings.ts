import { ZodError } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors/app-error";
import type { IntegrationView } from "./find-integration";
import { parseSettings, type IntegrationSettings } from "./settings-schema";

/** The complete settings of an integration that may receive events, or why it may not (yet). */
export function readySettings(integration: Pick<IntegrationView, "connectionId" | "settings">): IntegrationSettings {
  if (!integration.connectionId) {
    throw new AppError("CONFLICT", "The integration needs a Ploomes connection before it is activated.", { fields: { _: "connectionRequired" } });
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
