import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { WizardStep } from "@/lib/integration-model/wizard-steps";
import { Card } from "@/components/ui/card";
import type { loadWizard } from "./load-wizard";
import { stepLinks } from "./step-links";

type Wizard = Awaited<ReturnType<typeof loadWizard>>;

/**
 * The frame of a wizard screen: a card headed by the step's name and what the step decides (from
 * `wizard.steps.<step>`), the step's form inside it, and the panels that follow it (`after`, e.g. the dry run).
 */
export async function WizardStepPage({
  step,
  after,
  children,
}: {
  step: WizardStep;
  after?: ReactNode;
  children: ReactNode;
}) {
  const t = await getTranslations(`wizard.steps.${step}`);
  const card = (
    <Card id={`step-${step}`} title={t("title")} description={t("description")} className="space-y-6 p-6">
      {children}
    </Card>
  );
  return after ? (
    <div className="space-y-6">
      {card}
      {after}
    </div>
  ) : (
    card
  );
}

/** What a settings step's form gets from its page: whose settings, whether it may change them, its footer links. */
export function stepFormProps({ integration, settings, canEdit }: Wizard, step: WizardStep) {
  return { integrationId: integration.id, settings, canEdit, ...stepLinks(integration.id, step, settings.behaviour) };
}
