"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/account-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("password");
  const tv = useTranslations("validation");
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
  });
  const message = (name: keyof ChangePasswordInput) => {
    const key = formState.errors[name]?.message;
    return key ? tv(key) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      // Every session of the user has ended, this one too: sign in again with the new password.
      await signOut({ callbackUrl: "/login?passwordChanged=1" });
      return;
    }
    if (result.fields?.currentPassword) setFieldError("currentPassword", { message: result.fields.currentPassword });
    else if (result.fields?.newPassword) setFieldError("newPassword", { message: result.fields.newPassword });
    else setError(t("failed"));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <PasswordField
        id="current-password"
        label={t("current")}
        error={message("currentPassword")}
        autoComplete="current-password"
        registration={register("currentPassword")}
      />
      <PasswordField
        id="new-password"
        label={t("new")}
        error={message("newPassword")}
        hint={t("hint")}
        autoComplete="new-password"
        registration={register("newPassword")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
