import { redirect } from "next/navigation";
import { behaviourCreatesDeal } from "@/lib/integration-model/settings-schema";
import { stepAfter } from "@/lib/integration-model/wizard-steps";
import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { stepFormProps, WizardStepPage } from "../step-page";
import { FunnelForm } from "./funnel-form";

export default async function FunnelStepPage({ params }: WizardParams) {
  const wizard = await loadWizard((await params).id);
  const { integration, settings } = wizard;
  // Behaviours that create no deal have no funnel to choose.
  if (!behaviourCreatesDeal(settings.behaviour))
    redirect(`/integrations/jivo/${integration.id}/${stepAfter("funnel", settings.behaviour)}`);
  const { options, errorKey } = await loadOptionsSafely(wizard.db, integration.id);
  return (
    <WizardStepPage step="funnel">
      <FunnelForm {...stepFormProps(wizard, "funnel")} options={options} optionsErrorKey={errorKey} />
    </WizardStepPage>
  );
}
