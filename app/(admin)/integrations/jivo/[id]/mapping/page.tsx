import { loadDryRunSources } from "@/lib/sync/dry-run/dry-run-sources";
import { loadSampleValues } from "@/lib/integrations/settings";
import { targetEntities } from "@/lib/integration-model/mappings";
import { DryRunPanel } from "../dry-run-panel";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { stepFormProps, WizardStepPage } from "../step-page";
import { MappingForm } from "./mapping-form";

export default async function MappingStepPage({ params }: WizardParams) {
  const wizard = await loadWizard((await params).id);
  const { db, integration, settings, canEdit } = wizard;
  const [{ options, errorKey }, samples, sources] = await Promise.all([
    loadOptionsSafely(db, integration.id),
    loadSampleValues(db, integration.id),
    loadDryRunSources(db, integration.id),
  ]);
  return (
    <WizardStepPage
      step="mapping"
      after={
        integration.connection ? (
          <DryRunPanel integrationId={integration.id} sources={sources} saveFirst={canEdit} />
        ) : null
      }
    >
      <MappingForm
        {...stepFormProps(wizard, "mapping")}
        entities={targetEntities(settings)}
        options={options}
        optionsErrorKey={errorKey}
        samples={samples}
      />
    </WizardStepPage>
  );
}
