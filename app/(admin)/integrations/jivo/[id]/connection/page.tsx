import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { ConnectionForm } from "./connection-form";

export default async function ConnectionStepPage({ params }: WizardParams) {
  const { integration, settings, canEdit } = await loadWizard((await params).id);
  const t = await getTranslations("wizard.steps.connection");
  return (
    <StepSection id="step-connection" title={t("title")} description={t("description")}>
      <ConnectionForm
        integrationId={integration.id}
        connection={integration.connection}
        canEdit={canEdit}
        sandboxEnabled={env.SANDBOX_ENABLED}
        nextHref={stepLinks(integration.id, "connection", settings.behaviour).nextHref!}
      />
    </StepSection>
  );
}
