"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { SwitchField } from "@/components/integrations/switch-field";
import { useValidationMessage } from "@/components/use-action-error";
import { missingId, toId } from "../select-values";
import { StepFooter } from "../step-footer";
import type { PickerStepProps } from "../step-form-props";
import { usePloomesOptions } from "../use-ploomes-options";
import { useSettingsStep } from "../use-settings-step";

export function FunnelForm({
  integrationId,
  settings,
  canEdit,
  options: initialOptions,
  optionsErrorKey,
  backHref,
  nextHref,
}: PickerStepProps) {
  const t = useTranslations("wizard.funnel");
  const message = useValidationMessage();
  const { options, bar } = usePloomesOptions(integrationId, initialOptions, optionsErrorKey);
  const { form, submit, formError } = useSettingsStep("funnel", integrationId, settings);
  const { register, formState, watch, setValue } = form;
  const errors = formState.errors;
  const pipelineId = watch("pipelineId");
  const stages = options.pipelines.find((pipeline) => pipeline.id === pipelineId)?.stages ?? [];
  const missingPipeline = missingId(
    settings.pipelineId,
    options.pipelines.map((p) => p.id),
  );
  const missingStage =
    pipelineId === settings.pipelineId
      ? missingId(
          settings.stageId,
          stages.map((s) => s.id),
        )
      : null;

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
              {missingPipeline !== null ? (
                <option value={missingPipeline}>{t("missing", { id: missingPipeline })}</option>
              ) : null}
              {options.pipelines.map((pipeline) => (
                <option key={pipeline.id} value={pipeline.id}>
                  {pipeline.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField
            id="stage"
            label={t("stage")}
            error={message(errors.stageId?.message)}
            hint={pipelineId ? undefined : t("stageHint")}
          >
            <SelectInput
              id="stage"
              invalid={!!errors.stageId}
              disabled={!pipelineId}
              {...register("stageId", { setValueAs: toId })}
            >
              <option value="">{t("chooseStage")}</option>
              {missingStage !== null ? (
                <option value={missingStage}>{t("missing", { id: missingStage })}</option>
              ) : null}
              {stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <SwitchField
          id="avoid-duplicates"
          label={t("avoidDuplicates")}
          description={t("avoidDuplicatesHint")}
          {...register("avoidDuplicateDeals")}
        />
        <FormField
          id="deal-title"
          label={t("dealTitle")}
          error={message(errors.dealTitleTemplate?.message)}
          hint={t("dealTitleHint", {
            placeholders: "{nome do visitante}, {empresa}, {e-mail}, {telefone}, {canal}, {página}, {atendente}",
          })}
        >
          <TextInput id="deal-title" invalid={!!errors.dealTitleTemplate} {...register("dealTitleTemplate")} />
        </FormField>
      </fieldset>
      <StepFooter backHref={backHref} nextHref={nextHref} canEdit={canEdit} pending={formState.isSubmitting} />
    </form>
  );
}
