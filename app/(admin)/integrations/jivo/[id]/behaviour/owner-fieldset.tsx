"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import type { PloomesOptions } from "@/lib/integrations/settings";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { FormField, SelectInput } from "@/components/ui/form-field";
import { SwitchField } from "@/components/integrations/switch-field";
import { useValidationMessage } from "@/components/use-action-error";
import { missingId, toId } from "../select-values";
import { usePloomesOptions } from "../use-ploomes-options";

type Props = {
  integrationId: string;
  form: UseFormReturn<IntegrationSettings>;
  storedOwnerId: number | null;
  options: PloomesOptions;
  optionsErrorKey: string | null;
  canEdit: boolean;
};

/**
 * The owner of what a chat creates: the chat's agent when they are a Ploomes user, otherwise the default. A lead
 * gets one as much as a deal does, so the choice sits on the step every behaviour passes through.
 */
export function OwnerFieldset({
  integrationId,
  form,
  storedOwnerId,
  options: initialOptions,
  optionsErrorKey,
  canEdit,
}: Props) {
  const t = useTranslations("wizard.behaviour.owner");
  const message = useValidationMessage();
  const { options, bar } = usePloomesOptions(integrationId, initialOptions, optionsErrorKey);
  const { register, formState } = form;
  const error = formState.errors.defaultOwnerId;
  const missingOwner = missingId(
    storedOwnerId,
    options.users.map((user) => user.id),
  );
  // A suspended user is never offered; one already chosen shows as such, so the admin sees why to change it.
  const suspendedOwner = options.users.find((user) => user.id === storedOwnerId && user.suspended);
  const label = (user: PloomesOptions["users"][number]) => (user.email ? `${user.name} (${user.email})` : user.name);

  return (
    <fieldset disabled={!canEdit} className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
      <p className="text-sm text-slate-600">{t("description")}</p>
      {bar(canEdit)}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="default-owner"
          label={t("defaultOwner")}
          error={message(error?.message)}
          hint={t("defaultOwnerHint")}
        >
          <SelectInput id="default-owner" invalid={!!error} {...register("defaultOwnerId", { setValueAs: toId })}>
            <option value="">{t("keyOwner")}</option>
            {missingOwner !== null ? <option value={missingOwner}>{t("missing", { id: missingOwner })}</option> : null}
            {suspendedOwner ? (
              <option value={suspendedOwner.id}>{t("suspended", { name: label(suspendedOwner) })}</option>
            ) : null}
            {options.users
              .filter((user) => !user.suspended)
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {label(user)}
                </option>
              ))}
          </SelectInput>
        </FormField>
      </div>
      <SwitchField
        id="owner-from-agent"
        label={t("ownerFromAgent")}
        description={t("ownerFromAgentHint")}
        {...register("ownerFromAgent")}
      />
    </fieldset>
  );
}
