"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import type { PloomesOptions } from "@/lib/integrations/settings";
import { mappingTypeIssues } from "@/lib/integration-model/mappings";
import type { IntegrationSettings, TargetEntity } from "@/lib/integration-model/settings-schema";
import type { StandardFieldKey } from "@/lib/jivo/standard-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SwitchField } from "@/components/integrations/switch-field";
import { StepFooter } from "../step-footer";
import { usePloomesOptions } from "../use-ploomes-options";
import { useSettingsStep } from "../use-settings-step";
import { MappingRow } from "./mapping-row";

type Props = {
  integrationId: string;
  settings: IntegrationSettings;
  canEdit: boolean;
  entities: TargetEntity[];
  options: PloomesOptions;
  optionsErrorKey: string | null;
  samples: Partial<Record<StandardFieldKey, string>>;
  backHref?: string;
  nextHref?: string;
};

export function MappingForm(props: Props) {
  const { integrationId, settings, canEdit, entities, samples } = props;
  const t = useTranslations("wizard.mapping");
  const { options, bar } = usePloomesOptions(integrationId, props.options, props.optionsErrorKey);
  // Type checks need Ploomes' field list, so they run beside the schema (the server repeats them).
  const { form, submit, formError } = useSettingsStep("mapping", integrationId, settings, (values) =>
    mappingTypeIssues(values.mappings, options.customFields),
  );
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "mappings" });
  const live = mappingTypeIssues(form.watch("mappings"), options.customFields);
  const hasSamples = Object.keys(samples).length > 0;

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {bar(canEdit)}
      <p className="text-sm text-slate-600">{hasSamples ? t("samplesFromLastEvent") : t("noSamples")}</p>
      <fieldset disabled={!canEdit} className="space-y-3">
        <legend className="sr-only">{t("legend")}</legend>
        <div
          aria-hidden
          className="hidden grid-cols-[1fr_auto_1fr_auto] gap-3 px-1 text-xs font-medium uppercase tracking-wide text-slate-500 md:grid"
        >
          <span>{t("sourceHeader")}</span>
          <span />
          <span>{t("targetHeader")}</span>
          <span className="w-20" />
        </div>
        {fields.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
        <ol className="space-y-3">
          {fields.map((field, index) => (
            <MappingRow
              key={field.id}
              index={index}
              form={form}
              entities={entities}
              customFields={options.customFields}
              sample={samples[form.watch(`mappings.${index}.source`)]}
              liveIssue={live[`mappings.${index}.field`]}
              canEdit={canEdit}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
        {canEdit ? (
          <Button
            variant="secondary"
            onClick={() => append({ source: "visitor.name", entity: entities[0] ?? "person", field: "" })}
          >
            {t("addRow")}
          </Button>
        ) : null}
        <div className="border-t border-slate-200 pt-4">
          <SwitchField
            id="write-transcript"
            label={t("writeTranscript")}
            description={t("writeTranscriptHint")}
            {...form.register("writeTranscript")}
          />
        </div>
      </fieldset>
      <StepFooter
        backHref={props.backHref}
        nextHref={props.nextHref}
        canEdit={canEdit}
        pending={form.formState.isSubmitting}
      />
    </form>
  );
}
