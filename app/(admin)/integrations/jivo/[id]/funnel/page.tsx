import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { behaviourCreatesDeal } from "@/lib/integration-model/settings-schema";
import { stepAfter } from "@/lib/integration-model/wizard-steps";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { FunnelForm } from "./funnel-form";

export default async function FunnelStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  // Behaviours that create no deal have no funnel to choose.
  if (!behaviourCreatesDeal(settings.behaviour)) redirect(`/integrations/jivo/${integration.id}/${stepAfter("funnel", settings.behaviour)}`);
  const [{ options, errorKey }, t] = await Promise.all([loadOptionsSafely(db, integration.id), getTranslations("wizard.steps.funnel")]);
  return (
    <StepSection id="step-funnel" title={t("title")} description={t("description")}>
      <FunnelForm
        integrationId={integration.id}
        settings={settings}
        canEdit={canEdit}
        options={options}
        optionsErrorKey={errorKey}
        {...stepLinks(integration.id, "funnel", settings.behaviour)}
      />
    </StepSection>
  );
}
