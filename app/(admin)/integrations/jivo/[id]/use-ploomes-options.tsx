"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PloomesOptions } from "@/lib/integrations/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerAction, useValidationMessage } from "@/components/use-action-error";
import { refreshPloomesOptionsAction } from "./actions";

/** Funnels, users and fields as loaded by the page, replaced by "Atualizar dados do Ploomes". */
export function usePloomesOptions(integrationId: string, initial: PloomesOptions, initialErrorKey: string | null) {
  const t = useTranslations("wizard.ploomesData");
  const message = useValidationMessage();
  const [options, setOptions] = useState(initial);
  const { run, pending: refreshing, error } = useServerAction(initialErrorKey ? message(initialErrorKey)! : null);
  const [status, setStatus] = useState<string | null>(null);

  const refresh = () =>
    run(
      () => {
        setStatus(null);
        return refreshPloomesOptionsAction(integrationId);
      },
      (loaded) => {
        setOptions(loaded);
        setStatus(t("refreshed"));
      },
    );

  const bar = (canEdit: boolean) => (
    <div className="space-y-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        {canEdit ? (
          <Button variant="secondary" onClick={refresh} disabled={refreshing}>
            {refreshing ? t("refreshing") : t("refresh")}
          </Button>
        ) : null}
        <span aria-live="polite" className="text-xs text-slate-500">
          {status ?? t("cached")}
        </span>
      </div>
    </div>
  );

  return { options, bar };
}
