import { getTranslations } from "next-intl/server";
import { loadDryRunSources } from "@/lib/sync/dry-run/dry-run-sources";
import { loadSampleValues } from "@/lib/integrations/settings";
import { targetEntities } from "@/lib/integration-model/mappings";
import { DryRunPanel } from "../dry-run-panel";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { MappingForm } from "./mapping-form";

export default async function MappingStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  const [{ options, errorKey }, samples, sources, t] = await Promise.all([
    loadOptionsSafely(db, integration.id),
    loadSampleValues(db, integration.id),
    loadDryRunSources(db, integration.id),
    getTranslations("wizard.steps.mapping"),
  ]);
  return (
    <div className="space-y-6">
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
      {integration.connection ? <DryRunPanel integrationId={integration.id} sources={sources} saveFirst={canEdit} /> : null}
    </div>
  );
}
