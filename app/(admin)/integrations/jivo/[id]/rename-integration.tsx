"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { integrationNameSchema, type IntegrationNameInput } from "@/lib/integrations/form-schemas";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/form-field";
import { useActionError, useValidationMessage } from "@/components/use-action-error";
import { renameIntegrationAction } from "./actions";

export function RenameIntegration({ integrationId, name }: { integrationId: string; name: string }) {
  const t = useTranslations("wizard.rename");
  const router = useRouter();
  const message = useValidationMessage();
  const describe = useActionError();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<IntegrationNameInput>({
    resolver: zodResolver(integrationNameSchema),
    values: { name },
  });

  if (!editing) {
    return (
      <Button variant="ghost" onClick={() => setEditing(true)}>
        {t("open")}
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await renameIntegrationAction(integrationId, values);
    if (result.ok) {
      setEditing(false);
      router.refresh();
    } else if (result.fields?.name) setError("name", { message: result.fields.name });
    else setFailure(describe(result));
  });
  const error = message(formState.errors.name?.message) ?? failure ?? undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <div>
        <TextInput id="integration-name" aria-label={t("label")} invalid={!!error} autoFocus {...register("name")} />
        {error ? (
          <p id="integration-name-error" role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={formState.isSubmitting}>
        {t("save")}
      </Button>
      <Button variant="ghost" onClick={() => setEditing(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}
