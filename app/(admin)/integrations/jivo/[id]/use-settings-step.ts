"use client";

import { toNestErrors } from "@hookform/resolvers";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { settingsStepIssues } from "@/lib/integration-model/draft-settings";
import { STEP_SETTINGS, type SettingsStep } from "@/lib/integration-model/wizard-steps";
import { useActionError } from "@/components/use-action-error";
import { saveSettingsAction } from "./actions";

type Issues = (values: IntegrationSettings) => Record<string, string>;

/** The settings schema as the step's form resolver: the same rules the server action applies, shown in place. */
function stepResolver(step: SettingsStep, extraIssues?: Issues): Resolver<IntegrationSettings> {
  return async (values, _context, options) => {
    const issues = { ...settingsStepIssues(step, values), ...extraIssues?.(values) };
    if (Object.keys(issues).length === 0) return { values, errors: {} };
    const flat = Object.fromEntries(
      Object.entries(issues).map(([path, message]) => [path, { type: "schema", message }]),
    );
    return { values: {}, errors: toNestErrors<IntegrationSettings>(flat, options) };
  };
}

/**
 * A wizard step's form: starts from the stored settings, validates with the settings schema, saves only the
 * step's own settings and moves on to the step the server names (the funnel is skipped when no deal is made).
 */
export function useSettingsStep(
  step: SettingsStep,
  integrationId: string,
  settings: IntegrationSettings,
  extraIssues?: Issues,
) {
  const router = useRouter();
  const describe = useActionError();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IntegrationSettings>({ defaultValues: settings, resolver: stepResolver(step, extraIssues) });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const patch = Object.fromEntries(STEP_SETTINGS[step].map((key) => [key, values[key]]));
    const result = await saveSettingsAction(integrationId, step, patch);
    if (result.ok) {
      router.push(`/integrations/jivo/${integrationId}/${result.data.nextStep}`);
      return;
    }
    for (const [path, message] of Object.entries(result.fields ?? {})) {
      if (path !== "_") form.setError(path as FieldPath<IntegrationSettings>, { type: "server", message });
    }
    setFormError(describe(result));
  });

  return { form, submit, formError };
}
