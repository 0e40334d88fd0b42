import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { integrationState } from "@/lib/integration-model/integration";
import { settingsSchema } from "@/lib/integration-model/settings-schema";
import { isStepCompleted, resumeStep, visibleSteps } from "@/lib/integration-model/wizard-steps";
import { Alert } from "@/components/ui/alert";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { StateBadge } from "@/components/integrations/state-badge";
import { loadWizard } from "./load-wizard";
import { DiscardDraft } from "./discard-draft";
import { RenameIntegration } from "./rename-integration";
import { WizardNav } from "./wizard-nav";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { integration } = await loadWizard((await params).id);
  return { title: integration.name };
}

export default async function IntegrationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const { integration, settings, wizardStep, canEdit } = await loadWizard(id);
  const t = await getTranslations("wizard");
  const tIntegrations = await getTranslations("integrations");
  const state = integrationState(integration);
  const incomplete = integration.status !== "draft" && !settingsSchema.safeParse(settings).success;
  const resumeAt = resumeStep(wizardStep, settings.behaviour);
  const steps = visibleSteps(settings.behaviour).map((step) => ({
    step,
    completed: isStepCompleted(step, wizardStep, integration.status),
    // A draft's later steps open once the earlier ones are done.
    reachable:
      integration.status !== "draft" || isStepCompleted(step, wizardStep, integration.status) || step === resumeAt,
  }));

  return (
    <div className="space-y-6">
      <Breadcrumb
        label={tIntegrations("breadcrumb")}
        trail={[
          { href: "/integrations", label: tIntegrations("catalogue.breadcrumb") },
          { href: "/integrations/jivo", label: "Jivo" },
        ]}
      />
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{integration.name}</h1>
        <StateBadge state={state} />
        {canEdit ? <RenameIntegration integrationId={integration.id} name={integration.name} /> : null}
        {canEdit && integration.status === "draft" ? (
          <DiscardDraft
            integrationId={integration.id}
            name={integration.name}
            withSandbox={Boolean(integration.connection?.sandboxTenantId)}
          />
        ) : null}
      </header>
      {!canEdit ? <Alert tone="info">{t("readOnly")}</Alert> : null}
      {state === "error" && integration.flaggedReason ? (
        <Alert tone="error">{t("flagged", { reason: integration.flaggedReason })}</Alert>
      ) : null}
      {incomplete ? <Alert tone="warning">{t("incompleteWhileLive")}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <WizardNav integrationId={integration.id} steps={steps} />
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
