import { loadOptionsSafely } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { stepFormProps, WizardStepPage } from "../step-page";
import { BehaviourForm } from "./behaviour-form";

export default async function BehaviourStepPage({ params }: WizardParams) {
  const wizard = await loadWizard((await params).id);
  // The owner picker lists the Ploomes users, whatever the behaviour.
  const { options, errorKey } = await loadOptionsSafely(wizard.db, wizard.integration.id);
  return (
    <WizardStepPage step="behaviour">
      <BehaviourForm {...stepFormProps(wizard, "behaviour")} options={options} optionsErrorKey={errorKey} />
    </WizardStepPage>
  );
}
