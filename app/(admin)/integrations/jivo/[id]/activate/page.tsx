import { appUrl } from "@/lib/env";
import { loadDryRunSources } from "@/lib/sync/dry-run/dry-run-sources";
import { loadHealthStatus } from "@/lib/integrations/health";
import { revealWebhookUrl } from "@/lib/integrations/lifecycle";
import { firstIncompleteStep } from "@/lib/integration-model/draft-settings";
import { SETTINGS_STEPS, visibleSteps } from "@/lib/integration-model/wizard-steps";
import { DryRunPanel } from "../dry-run-panel";
import { loadOptionsSafely, NO_OPTIONS } from "../load-options-safely";
import { loadWizard, type WizardParams } from "../load-wizard";
import { WizardStepPage } from "../step-page";
import { ActivationPanel } from "./activation-panel";
import { HealthPanel } from "./health-panel";
import { SettingsSummary } from "./settings-summary";
import { TestEventPanel } from "./test-event-panel";

export default async function ActivateStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  const [{ options }, fullUrl, health, sources] = await Promise.all([
    integration.connection ? loadOptionsSafely(db, integration.id) : { options: NO_OPTIONS },
    // The full URL is a credential: only admins get it, members see it masked.
    canEdit ? revealWebhookUrl(db, integration.id) : null,
    loadHealthStatus(db, integration.id),
    loadDryRunSources(db, integration.id),
  ]);
  const steps = SETTINGS_STEPS.filter((step) => visibleSteps(settings.behaviour).includes(step));
  const incompleteStep = integration.connection ? firstIncompleteStep(settings, steps) : "connection";
  const maskedUrl = integration.tokenHint ? `${appUrl()}/api/webhooks/jivo/••••••••••••${integration.tokenHint}` : null;

  return (
    <WizardStepPage
      step="activate"
      after={
        <>
          {integration.status !== "draft" ? (
            <HealthPanel
              integrationId={integration.id}
              canEdit={canEdit}
              connected={!!integration.connection}
              health={health}
              now={new Date()}
            />
          ) : null}
          {canEdit && integration.status === "active" ? (
            <TestEventPanel integrationId={integration.id} isSandbox={!!integration.connection?.isSandbox} />
          ) : null}
          <SettingsSummary integration={integration} settings={settings} options={options} canEdit={canEdit} />
          {integration.connection ? <DryRunPanel integrationId={integration.id} sources={sources} /> : null}
        </>
      }
    >
      <ActivationPanel
        integrationId={integration.id}
        status={integration.status}
        canEdit={canEdit}
        webhookUrl={fullUrl}
        maskedUrl={maskedUrl}
        incompleteStep={incompleteStep}
      />
    </WizardStepPage>
  );
}
