"use client";

import { useTranslations } from "next-intl";
import type { PloomesOptions } from "@/lib/integrations/load-ploomes-options";
import type { IntegrationSettings } from "@/lib/integrations/settings-schema";
import { Alert } from "@/components/ui/alert";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { SwitchField } from "@/components/integrations/switch-field";
import { useValidationMessage } from "@/components/integrations/use-action-error";
import { StepFooter } from "../step-footer";
import { usePloomesOptions } from "../use-ploomes-options";
import { useSettingsStep } from "../use-settings-step";

type Props = {
  integrationId: string;
  settings: IntegrationSettings;
  canEdit: boolean;
  options: PloomesOptions;
  optionsErrorKey: string | null;
  backHref?: string;
  nextHref?: string;
};

// <select> values are strings; the settings hold ids or null.
const toId = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

export function FunnelForm({ integrationId, settings, canEdit, options: initialOptions, optionsErrorKey, backHref, nextHref }: Props) {
  const t = useTranslations("wizard.funnel");
  const message = useValidationMessage();
  const { options, bar } = usePloomesOptions(integrationId, initialOptions, optionsErrorKey);
  const { form, submit, formError } = useSettingsStep("funnel", integrationId, settings);
  const { register, formState, watch, setValue } = form;
  const errors = formState.errors;
  const pipelineId = watch("pipelineId");
  const stages = options.pipelines.find((pipeline) => pipeline.id === pipelineId)?.stages ?? [];
  // A stored id Ploomes no longer lists stays visible, so it is not silently replaced.
  const missing = (id: number | null, ids: number[]) => (id !== null && !ids.includes(id) ? id : null);
  const missingPipeline = missing(settings.pipelineId, options.pipelines.map((p) => p.id));
  const missingStage = pipelineId === settings.pipelineId ? missing(settings.stageId, stages.map((s) => s.id)) : null;
  const missingOwner = missing(settings.defaultOwnerId, options.users.map((u) => u.id));

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {bar(canEdit)}
      <fieldset disabled={!canEdit} className="space-y-6">
        <legend className="sr-only">{t("legend")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="pipeline" label={t("pipeline")} error={message(errors.pipelineId?.message)}>
            <SelectInput
              id="pipeline"
              invalid={!!errors.pipelineId}
              {...register("pipelineId", { setValueAs: toId, onChange: () => setValue("stageId", null) })}
            >
              <option value="">{t("choosePipeline")}</option>
              {missingPipeline !== null ? <option value={missingPipeline}>{t("missing", { id: missingPipeline })}</option> : null}
              {options.pipelines.map((pipeline) => (
                <option key={pipeline.id} value={pipeline.id}>
                  {pipeline.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField id="stage" label={t("stage")} error={message(errors.stageId?.message)} hint={pipelineId ? undefined : t("stageHint")}>
            <SelectInput id="stage" invalid={!!errors.stageId} disabled={!pipelineId} {...register("stageId", { setValueAs: toId })}>
              <option value="">{t("chooseStage")}</option>
              {missingStage !== null ? <option value={missingStage}>{t("missing", { id: missingStage })}</option> : null}
              {stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <SwitchField id="avoid-duplicates" label={t("avoidDuplicates")} description={t("avoidDuplicatesHint")} {...register("avoidDuplicateDeals")} />
        <FormField
          id="deal-title"
          label={t("dealTitle")}
          error={message(errors.dealTitleTemplate?.message)}
          hint={t("dealTitleHint", { placeholders: "{nome do visitante}, {empresa}, {e-mail}, {telefone}, {canal}, {página}, {atendente}" })}
        >
          <TextInput id="deal-title" invalid={!!errors.dealTitleTemplate} {...register("dealTitleTemplate")} />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="default-owner" label={t("defaultOwner")} error={message(errors.defaultOwnerId?.message)} hint={t("defaultOwnerHint")}>
            <SelectInput id="default-owner" invalid={!!errors.defaultOwnerId} {...register("defaultOwnerId", { setValueAs: toId })}>
              <option value="">{t("keyOwner")}</option>
              {missingOwner !== null ? <option value={missingOwner}>{t("missing", { id: missingOwner })}</option> : null}
              {options.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.email ? `${user.name} (${user.email})` : user.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <SwitchField id="owner-from-agent" label={t("ownerFromAgent")} description={t("ownerFromAgentHint")} {...register("ownerFromAgent")} />
      </fieldset>
      <StepFooter backHref={backHref} nextHref={nextHref} canEdit={canEdit} pending={formState.isSubmitting} />
    </form>
  );
}
