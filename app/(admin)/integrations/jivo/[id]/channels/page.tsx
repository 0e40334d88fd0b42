import { listChannelSuggestions } from "@/lib/integrations/settings";
import { loadWizard, type WizardParams } from "../load-wizard";
import { stepFormProps, WizardStepPage } from "../step-page";
import { ChannelsForm } from "./channels-form";

export default async function ChannelsStepPage({ params }: WizardParams) {
  const wizard = await loadWizard((await params).id);
  const suggestions = await listChannelSuggestions(wizard.db, wizard.integration.id);
  return (
    <WizardStepPage step="channels">
      <ChannelsForm {...stepFormProps(wizard, "channels")} suggestions={suggestions} />
    </WizardStepPage>
  );
}
