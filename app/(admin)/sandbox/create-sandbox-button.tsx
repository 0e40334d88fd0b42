"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/integrations/copy-field";
import { useActionReason } from "@/components/use-action-error";
import { createSandboxAction } from "./actions";

/** Creates a sandbox and shows its key once, with the base URL, until the admin goes on to see it. */
export function CreateSandboxButton({ baseUrl, another = false }: { baseUrl: string; another?: boolean }) {
  const t = useTranslations("sandbox");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const reason = useActionReason();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ tenantId: string; apiKey: string } | null>(null);

  const create = () =>
    startTransition(async () => {
      setError(null);
      const result = await createSandboxAction();
      if (result.ok) setCreated(result.data);
      else setError(reason(result) ?? t("createFailed"));
    });

  if (created) {
    return (
      <section
        aria-labelledby="sandbox-created"
        className="space-y-4 rounded-xl border border-emerald-200 bg-emerald-50 p-5"
      >
        <h2 id="sandbox-created" className="text-lg font-semibold text-emerald-900">
          {t("keyTitle")}
        </h2>
        <p className="text-sm text-emerald-900">{t("keyText")}</p>
        <CopyField id="sandbox-new-key" label={t("keyLabel")} value={created.apiKey} />
        <CopyField id="sandbox-new-base-url" label={t("baseUrlLabel")} value={baseUrl} />
        <Button
          onClick={() => {
            router.push(`/sandbox?tenant=${encodeURIComponent(created.tenantId)}`);
            router.refresh();
          }}
        >
          {t("continue")}
        </Button>
      </section>
    );
  }
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant={another ? "secondary" : "primary"} disabled={pending} onClick={create}>
        {pending ? t("creating") : another ? t("createAnother") : t("create")}
      </Button>
    </div>
  );
}
