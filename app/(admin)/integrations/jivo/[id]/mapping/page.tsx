import { getTranslations } from "next-intl/server";
import { loadSampleValues } from "@/lib/integrations/load-sample-values";
import { targetEntities } from "@/lib/integrations/target-entities";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { MappingForm } from "./mapping-form";

export default async function MappingStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  const [{ options, errorKey }, samples, t] = await Promise.all([
    loadOptionsSafely(db, integration.id),
    loadSampleValues(db, integration.id),
    getTranslations("wizard.steps.mapping"),
  ]);
  return (
    <StepSection id="step-mapping" title={t("title")} description={t("description")}>
      <MappingForm
        integrationId={integration.id}
        settings={settings}
        canEdit={canEdit}
        entities={targetEntities(settings)}
        options={options}
        optionsErrorKey={errorKey}
        samples={samples}
        {...stepLinks(integration.id, "mapping", settings.behaviour)}
      />
    </StepSection>
  );
}
