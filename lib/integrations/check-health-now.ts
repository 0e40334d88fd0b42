import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { checkIntegrationHealth, type HealthProblem } from "./check-integration-health";
import { readDraftSettings } from "./read-draft-settings";
import { firstIncompleteStep } from "./settings-step-issues";
import { SETTINGS_STEPS, visibleSteps, type WizardStep } from "./wizard-steps";

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
  const integration = await db.integration.findFirst({ where: { id: String(integrationId) }, include: { connection: true } });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found.");
  const problems = await checkIntegrationHealth(integration);
  const settings = readDraftSettings(integration.settings);
  const unfinished = () =>
    integration.connection ? firstIncompleteStep(settings, SETTINGS_STEPS.filter((step) => visibleSteps(settings.behaviour).includes(step))) : "connection";
  return problems.map((problem) => ({ ...problem, step: problem.code === "invalid_settings" ? unfinished() : FIX_STEP[problem.code] }));
}
