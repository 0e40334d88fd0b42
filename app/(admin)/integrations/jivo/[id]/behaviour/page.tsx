import { getTranslations } from "next-intl/server";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { BehaviourForm } from "./behaviour-form";

export default async function BehaviourStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  // The owner picker lists the Ploomes users, whatever the behaviour.
  const [{ options, errorKey }, t] = await Promise.all([loadOptionsSafely(db, integration.id), getTranslations("wizard.steps.behaviour")]);
  return (
    <StepSection id="step-behaviour" title={t("title")} description={t("description")}>
      <BehaviourForm
        integrationId={integration.id}
        settings={settings}
        canEdit={canEdit}
        options={options}
        optionsErrorKey={errorKey}
        {...stepLinks(integration.id, "behaviour", settings.behaviour)}
      />
    </StepSection>
  );
}
