"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { setupSchema, type SetupInput } from "@/lib/auth/account-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { completeSetupAction } from "./actions";

const FIELDS = [
  { name: "accountName", type: "text", autoComplete: "organization" },
  { name: "name", type: "text", autoComplete: "name" },
  { name: "email", type: "email", autoComplete: "email" },
  { name: "password", type: "password", autoComplete: "new-password" },
] as const;

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations("setup");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<SetupInput>({
    resolver: zodResolver(setupSchema),
  });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await completeSetupAction(token, values);
    if (!result.ok) {
      if (result.fields?.email) setFieldError("email", { message: "emailTaken" });
      else if (result.fields?.password) setFieldError("password", { message: result.fields.password });
      else setError(result.code === "NOT_FOUND" ? t("linkUsed") : t("failed"));
      return;
    }
    await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.replace("/integrations");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {FIELDS.map((field) => {
        const fieldError = formState.errors[field.name]?.message;
        return (
          <FormField key={field.name} id={field.name} label={t(field.name)} error={fieldError && tv(fieldError)}>
            <TextInput
              id={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              invalid={!!fieldError}
              {...register(field.name)}
            />
          </FormField>
        );
      })}
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
