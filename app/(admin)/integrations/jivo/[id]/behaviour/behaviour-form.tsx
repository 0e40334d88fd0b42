"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SwitchField } from "@/components/integrations/switch-field";
import { BEHAVIOURS, behaviourEntities } from "@/lib/integration-model/settings-schema";
import { StepFooter } from "../step-footer";
import type { PickerStepProps } from "../step-form-props";
import { useSettingsStep } from "../use-settings-step";
import { OwnerFieldset } from "./owner-fieldset";
import { RadioCard } from "./radio-card";

export function BehaviourForm({
  integrationId,
  settings,
  canEdit,
  options,
  optionsErrorKey,
  backHref,
  nextHref,
}: PickerStepProps) {
  const t = useTranslations("wizard.behaviour");
  const tTargets = useTranslations("ploomesTargets.entities");
  const { form, submit, formError } = useSettingsStep("behaviour", integrationId, settings);
  const { register, formState } = form;

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="mb-3 text-sm font-medium text-slate-800">{t("legend")}</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {BEHAVIOURS.map((behaviour) => (
            <RadioCard
              key={behaviour}
              value={behaviour}
              title={t(`options.${behaviour}.title`)}
              description={t(`options.${behaviour}.description`)}
              {...register("behaviour")}
            >
              <span className="mt-2 flex flex-wrap items-center gap-1">
                <span className="text-xs text-slate-500">{t("creates")}</span>
                {behaviourEntities(behaviour).map((entity) => (
                  <span key={entity} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                    {tTargets(entity)}
                  </span>
                ))}
              </span>
            </RadioCard>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("offline.legend")}</legend>
        <p className="text-sm text-slate-600">{t("offline.description")}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {(["same", "lead"] as const).map((option) => (
            <RadioCard
              key={option}
              value={option}
              title={t(`offline.options.${option}.title`)}
              description={t(`offline.options.${option}.description`)}
              {...register("offlineBehaviour")}
            />
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="mb-3 text-sm font-medium text-slate-800">{t("duringChat.legend")}</legend>
        <SwitchField
          id="agent-lookup"
          label={t("duringChat.agentLookup")}
          description={t("duringChat.agentLookupHint")}
          {...register("agentLookup")}
        />
        <SwitchField
          id="create-on-chat-start"
          label={t("duringChat.createOnChatStart")}
          description={t("duringChat.createOnChatStartHint")}
          {...register("createOnChatStart")}
        />
      </fieldset>
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="mb-3 text-sm font-medium text-slate-800">{t("calls.legend")}</legend>
        <SwitchField
          id="record-calls"
          label={t("calls.recordCalls")}
          description={t("calls.recordCallsHint")}
          {...register("recordCalls")}
        />
      </fieldset>
      <OwnerFieldset
        integrationId={integrationId}
        form={form}
        storedOwnerId={settings.defaultOwnerId}
        options={options}
        optionsErrorKey={optionsErrorKey}
        canEdit={canEdit}
      />
      <StepFooter backHref={backHref} nextHref={nextHref} canEdit={canEdit} pending={formState.isSubmitting} />
    </form>
  );
}
