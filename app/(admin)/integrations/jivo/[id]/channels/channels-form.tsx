"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClass, TextInput } from "@/components/ui/form-field";
import { useValidationMessage } from "@/components/use-action-error";
import { StepFooter } from "../step-footer";
import { useSettingsStep } from "../use-settings-step";

type Props = {
  integrationId: string;
  settings: IntegrationSettings;
  canEdit: boolean;
  suggestions: string[];
  backHref?: string;
  nextHref?: string;
};

export function ChannelsForm({ integrationId, settings, canEdit, suggestions, backHref, nextHref }: Props) {
  const t = useTranslations("wizard.channels");
  const message = useValidationMessage();
  const { form, submit, formError } = useSettingsStep("channels", integrationId, settings);
  const [draft, setDraft] = useState("");
  const errors = form.formState.errors.widgetIds;
  const error = message(errors?.message ?? (Array.isArray(errors) ? errors.find(Boolean)?.message : undefined));
  const silenceError = message(form.formState.errors.silenceAlertHours?.message);

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Controller
        control={form.control}
        name="widgetIds"
        render={({ field }) => {
          const add = (id: string) => {
            const clean = id.trim();
            if (clean && !field.value.includes(clean)) field.onChange([...field.value, clean]);
          };
          const unused = suggestions.filter((id) => !field.value.includes(id));
          return (
            <fieldset disabled={!canEdit} className="space-y-4">
              <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
              <p aria-live="polite" className="text-sm text-slate-600" data-testid="channel-scope">
                {field.value.length === 0 ? t("allChannels") : t("onlyChannels", { count: field.value.length })}
              </p>
              {field.value.length > 0 ? (
                <ul className="flex flex-wrap gap-2">
                  {field.value.map((id) => (
                    <li
                      key={id}
                      className="flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 font-mono text-xs"
                    >
                      {id}
                      {canEdit ? (
                        <button
                          type="button"
                          aria-label={t("remove", { id })}
                          onClick={() => field.onChange(field.value.filter((value) => value !== id))}
                          className="grid h-5 w-5 place-items-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                        >
                          ×
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canEdit ? (
                <div className="flex max-w-md gap-2">
                  <input
                    aria-label={t("inputLabel")}
                    placeholder={t("inputPlaceholder")}
                    value={draft}
                    onChange={(event) => setDraft(event.target.value)}
                    onKeyDown={(event) => {
                      if (event.key !== "Enter") return;
                      event.preventDefault();
                      add(draft);
                      setDraft("");
                    }}
                    className={`${inputClass} font-mono`}
                  />
                  <Button
                    variant="secondary"
                    onClick={() => {
                      add(draft);
                      setDraft("");
                    }}
                  >
                    {t("add")}
                  </Button>
                </div>
              ) : null}
              {error ? (
                <p role="alert" className="text-xs text-red-600">
                  {error}
                </p>
              ) : null}
              <p className="text-xs text-slate-500">{t("whereToFind")}</p>
              {canEdit && unused.length > 0 ? (
                <div className="space-y-2">
                  <p className="text-sm text-slate-700">{t("suggestions")}</p>
                  <div className="flex flex-wrap gap-2">
                    {unused.map((id) => (
                      <Button
                        key={id}
                        variant="secondary"
                        className="font-mono text-xs"
                        onClick={() => add(id)}
                        aria-label={t("addSuggestion", { id })}
                      >
                        + {id}
                      </Button>
                    ))}
                  </div>
                </div>
              ) : null}
            </fieldset>
          );
        }}
      />
      <fieldset disabled={!canEdit} className="max-w-md">
        <legend className="sr-only">{t("silenceLegend")}</legend>
        <FormField id="silence-alert-hours" label={t("silenceLabel")} hint={t("silenceHint")} error={silenceError}>
          <div className="w-32">
            <TextInput
              id="silence-alert-hours"
              type="number"
              min={1}
              max={720}
              inputMode="numeric"
              invalid={!!silenceError}
              aria-describedby={silenceError ? "silence-alert-hours-error" : "silence-alert-hours-hint"}
              {...form.register("silenceAlertHours")}
            />
          </div>
        </FormField>
      </fieldset>
      <StepFooter backHref={backHref} nextHref={nextHref} canEdit={canEdit} pending={form.formState.isSubmitting} />
    </form>
  );
}
