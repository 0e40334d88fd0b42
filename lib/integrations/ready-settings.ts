import { ZodError } from "zod";
import { AppError, zodFieldErrors } from "@/lib/errors/app-error";
import type { IntegrationView } from "./find-integration";
import { parseSettings, type IntegrationSettings } from "./settings-schema";

/** The complete settings of an integration that may receive events, or why it may not (yet). */
export function readySettings(integration: Pick<IntegrationView, "connectionId" | "settings">): IntegrationSettings {
  if (!integration.connectionId) {
    throw new AppError("CONFLICT", "Conecte a integração ao Ploomes antes de ativá-la.", { fields: { _: "connectionRequired" } });
  }
  try {
    return parseSettings(integration.settings);
  } catch (error) {
    if (!(error instanceof ZodError) && !(error instanceof SyntaxError)) throw error;
    const fields = error instanceof ZodError ? zodFieldErrors(error) : {};
    throw new AppError("VALIDATION", "A configuração está incompleta: confira as etapas marcadas.", {
      fields: { ...fields, _: "settingsIncomplete" },
    });
  }
}
