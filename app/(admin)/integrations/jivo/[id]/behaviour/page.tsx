import { getTranslations } from "next-intl/server";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { BehaviourForm } from "./behaviour-form";

export default async function BehaviourStepPage({ params }: WizardParams) {
  const { integration, settings, canEdit } = await loadWizard((await params).id);
  const t = await getTranslations("wizard.steps.behaviour");
  return (
    <StepSection id="step-behaviour" title={t("title")} description={t("description")}>
      <BehaviourForm integrationId={integration.id} settings={settings} canEdit={canEdit} {...stepLinks(integration.id, "behaviour", settings.behaviour)} />
    </StepSection>
  );
}
