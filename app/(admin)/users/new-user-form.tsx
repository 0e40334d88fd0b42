"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { newUserSchema, type NewUserInput } from "@/lib/auth/account-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { useActionReason } from "@/components/use-action-error";
import { createUserAction } from "./actions";

export function NewUserForm() {
  const t = useTranslations("users");
  const tv = useTranslations("validation");
  const reason = useActionReason();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState,
    reset,
    setError: setFieldError,
  } = useForm<NewUserInput>({
    resolver: zodResolver(newUserSchema),
    defaultValues: { role: "member" },
  });
  const message = (name: keyof NewUserInput) => {
    const key = formState.errors[name]?.message;
    return key ? tv(key) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setCreated(null);
    const result = await createUserAction(values);
    if (result.ok) {
      setCreated(t("created", { email: values.email }));
      reset({ role: "member", name: "", email: "", password: "" });
    } else if (result.fields?.email) setFieldError("email", { message: result.fields.email });
    else if (result.fields?.password) setFieldError("password", { message: result.fields.password });
    else setError(reason(result) ?? t("failed"));
  });

  return (
    <Card id="new-user" title={t("newTitle")} description={t("newDescription")} className="p-6">
      <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-4 sm:grid-cols-2">
        {created ? (
          <div className="sm:col-span-2">
            <Alert tone="success">{created}</Alert>
          </div>
        ) : null}
        {error ? (
          <div className="sm:col-span-2">
            <Alert tone="error">{error}</Alert>
          </div>
        ) : null}
        <FormField id="new-name" label={t("name")} error={message("name")}>
          <TextInput id="new-name" invalid={!!formState.errors.name} {...register("name")} />
        </FormField>
        <FormField id="new-email" label={t("email")} error={message("email")}>
          <TextInput id="new-email" type="email" invalid={!!formState.errors.email} {...register("email")} />
        </FormField>
        <FormField id="new-role" label={t("role")}>
          <SelectInput id="new-role" {...register("role")}>
            <option value="member">{t("roles.member")}</option>
            <option value="admin">{t("roles.admin")}</option>
          </SelectInput>
        </FormField>
        <FormField id="new-password" label={t("initialPassword")} error={message("password")} hint={t("passwordHint")}>
          <TextInput
            id="new-password"
            type="text"
            autoComplete="off"
            invalid={!!formState.errors.password}
            {...register("password")}
          />
        </FormField>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("create")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
