import { redirect } from "next/navigation";
import { resumeStep } from "@/lib/integration-model/wizard-steps";
import { loadWizard, type WizardParams } from "./load-wizard";

// A draft resumes where the admin stopped; a live integration opens on its overview (the activation screen).
export default async function IntegrationPage({ params }: WizardParams) {
  const { id } = await params;
  const { integration, settings, wizardStep } = await loadWizard(id);
  const step = integration.status === "draft" ? resumeStep(wizardStep, settings.behaviour) : "activate";
  redirect(`/integrations/jivo/${integration.id}/${step}`);
}
