"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/use-action-error";
import { createIntegrationAction } from "./actions";

/** "Habilitar integração": creates a draft and opens the wizard at its first step. */
export function EnableIntegrationButton() {
  const t = useTranslations("integrations.jivo");
  const router = useRouter();
  const describe = useActionError();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await createIntegrationAction();
            if (result.ok) router.push(`/integrations/jivo/${result.data.id}/connection`);
            else setError(describe(result));
          })
        }
      >
        {t("enable")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
