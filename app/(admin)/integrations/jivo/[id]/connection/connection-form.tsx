"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { connectPloomesSchema, DEFAULT_PLOOMES_URL, type ConnectPloomesInput } from "@/lib/integrations/form-schemas";
import type { IntegrationView } from "@/lib/integration-model/integration";
import { Alert } from "@/components/ui/alert";
import { SummaryItem, SummaryList } from "@/components/ui/summary-list";
import { Button, buttonClass } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { useActionError, useValidationMessage } from "@/components/use-action-error";
import { connectPloomesAction, connectSandboxAction } from "../actions";

type Props = {
  integrationId: string;
  connection: IntegrationView["connection"];
  canEdit: boolean;
  sandboxEnabled: boolean;
  nextHref: string;
};

// Reasons that concern the key itself are shown under the key field; the rest above the form.
const KEY_REASONS = new Set(["keyRefused401", "keyRefused403"]);

export function ConnectionForm({ integrationId, connection, canEdit, sandboxEnabled, nextHref }: Props) {
  const t = useTranslations("wizard.connection");
  const router = useRouter();
  const message = useValidationMessage();
  const describe = useActionError();
  const [changing, setChanging] = useState(!connection);
  const [justConnected, setJustConnected] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [sandboxPending, startSandbox] = useTransition();
  const { register, handleSubmit, formState, setError, reset } = useForm<ConnectPloomesInput>({
    resolver: zodResolver(connectPloomesSchema),
    defaultValues: { apiKey: "", baseUrl: connection && !connection.isSandbox ? connection.baseUrl : "" },
  });

  const connected = () => {
    reset({ apiKey: "" });
    setChanging(false);
    setJustConnected(true);
    router.refresh();
  };
  const failed = (result: Parameters<typeof describe>[0]) => {
    const reason = result.fields?._;
    if (reason && KEY_REASONS.has(reason)) setError("apiKey", { message: reason }, { shouldFocus: true });
    else if (result.fields?.baseUrl) {
      setAdvanced(true);
      setError("baseUrl", { message: result.fields.baseUrl });
    } else if (result.fields?.apiKey) setError("apiKey", { message: result.fields.apiKey });
    else setFormError(describe(result));
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await connectPloomesAction(integrationId, values);
    if (result.ok) connected();
    else failed(result);
  });
  const connectToSandbox = () =>
    startSandbox(async () => {
      setFormError(null);
      const result = await connectSandboxAction(integrationId);
      if (result.ok) connected();
      else failed(result);
    });

  if (connection && !changing) {
    return (
      <div className="space-y-4">
        {justConnected ? (
          <Alert tone="success">{t("connected", { account: connection.ploomesAccountName ?? "Ploomes" })}</Alert>
        ) : null}
        <SummaryList className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-3">
          <SummaryItem label={t("account")} valueClassName="font-medium" testId="ploomes-account-name">
            {connection.ploomesAccountName ?? "—"}
            {connection.isSandbox ? (
              <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                {t("sandboxBadge")}
              </span>
            ) : null}
          </SummaryItem>
          <SummaryItem label={t("key")} valueClassName="font-mono" testId="api-key-masked">
            ••••{connection.apiKeyLast4}
          </SummaryItem>
          <SummaryItem label={t("baseUrl")} className="min-w-0" valueClassName="truncate font-mono text-xs leading-5">
            {connection.baseUrl}
          </SummaryItem>
        </SummaryList>
        <div className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-4">
          {canEdit ? (
            <Button variant="secondary" onClick={() => setChanging(true)}>
              {t("changeKey")}
            </Button>
          ) : (
            <span />
          )}
          <Link href={nextHref} className={buttonClass("primary")}>
            {t("continue")}
          </Link>
        </div>
      </div>
    );
  }

  if (!canEdit) return <Alert tone="info">{t("notConnectedReadOnly")}</Alert>;

  return (
    <div className="space-y-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
        <p className="font-medium">{t("howTo.title")}</p>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          <li>{t("howTo.step1")}</li>
          <li>{t("howTo.step2")}</li>
          <li>{t("howTo.step3")}</li>
          <li>{t("howTo.step4")}</li>
        </ol>
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField
          id="api-key"
          label={t("apiKey")}
          error={message(formState.errors.apiKey?.message)}
          hint={t("apiKeyHint")}
        >
          <TextInput
            id="api-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            invalid={!!formState.errors.apiKey}
            {...register("apiKey")}
          />
        </FormField>
        <details
          open={advanced}
          onToggle={(event) => setAdvanced(event.currentTarget.open)}
          className="rounded-lg border border-slate-200 p-4"
        >
          <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("advanced")}</summary>
          <div className="mt-3">
            <FormField
              id="base-url"
              label={t("baseUrl")}
              error={message(formState.errors.baseUrl?.message)}
              hint={t("baseUrlHint", { url: DEFAULT_PLOOMES_URL })}
            >
              <TextInput
                id="base-url"
                type="url"
                placeholder={DEFAULT_PLOOMES_URL}
                invalid={!!formState.errors.baseUrl}
                {...register("baseUrl")}
              />
            </FormField>
          </div>
        </details>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={formState.isSubmitting || sandboxPending}>
            {formState.isSubmitting ? t("verifying") : t("connect")}
          </Button>
          {connection ? (
            <Button variant="ghost" onClick={() => setChanging(false)}>
              {t("cancel")}
            </Button>
          ) : null}
        </div>
      </form>
      {sandboxEnabled ? (
        <div className="flex flex-col gap-3 rounded-lg border border-dashed border-slate-300 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="text-sm">
            <p className="font-medium text-slate-800">{t("sandbox.title")}</p>
            <p className="text-slate-600">{t("sandbox.description")}</p>
          </div>
          <Button
            variant="secondary"
            onClick={connectToSandbox}
            disabled={sandboxPending || formState.isSubmitting}
            className="shrink-0"
          >
            {sandboxPending ? t("sandbox.pending") : t("sandbox.use")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
