import { env } from "@/lib/env";
import { loadWizard, type WizardParams } from "../load-wizard";
import { stepFormProps, WizardStepPage } from "../step-page";
import { ConnectionForm } from "./connection-form";

export default async function ConnectionStepPage({ params }: WizardParams) {
  const wizard = await loadWizard((await params).id);
  const { integrationId, canEdit, nextHref } = stepFormProps(wizard, "connection");
  return (
    <WizardStepPage step="connection">
      <ConnectionForm
        integrationId={integrationId}
        connection={wizard.integration.connection}
        canEdit={canEdit}
        sandboxEnabled={env.SANDBOX_ENABLED}
        nextHref={nextHref!}
      />
    </WizardStepPage>
  );
}
