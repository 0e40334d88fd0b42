import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { findIntegration } from "@/lib/integration-model/integration";
import { readDraftSettings } from "@/lib/integration-model/draft-settings";
import { parseWizardStep } from "@/lib/integration-model/wizard-steps";

/**
 * The integration behind every wizard screen (layout and page share one read per request). Another account's
 * id is a 404, exactly like a missing one. Members see the screens read-only.
 */
export const loadWizard = cache(async (id: string) => {
  const { user, db } = await requirePageUser();
  const integration = await findIntegration(db, id);
  if (!integration || integration.connector !== "jivo") notFound();
  return {
    db,
    integration,
    settings: readDraftSettings(integration.settings),
    wizardStep: parseWizardStep(integration.wizardStep),
    canEdit: user.role === "admin",
  };
});

export type WizardParams = { params: Promise<{ id: string }> };
