import { getTranslations } from "next-intl/server";
import { listChannelSuggestions } from "@/lib/integrations/settings";
import { loadWizard, type WizardParams } from "../load-wizard";
import { StepSection } from "../step-section";
import { stepLinks } from "../step-links";
import { ChannelsForm } from "./channels-form";

export default async function ChannelsStepPage({ params }: WizardParams) {
  const { db, integration, settings, canEdit } = await loadWizard((await params).id);
  const [suggestions, t] = await Promise.all([listChannelSuggestions(db, integration.id), getTranslations("wizard.steps.channels")]);
  return (
    <StepSection id="step-channels" title={t("title")} description={t("description")}>
      <ChannelsForm
        integrationId={integration.id}
        settings={settings}
        canEdit={canEdit}
        suggestions={suggestions}
        {...stepLinks(integration.id, "channels", settings.behaviour)}
      />
    </StepSection>
  );
}
