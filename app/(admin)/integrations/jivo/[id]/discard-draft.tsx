"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/integrations/confirm-dialog";
import { useActionError } from "@/components/use-action-error";
import { discardDraftAction } from "./actions";

/** "Descartar rascunho", confirmed in a dialog that says whether the sandbox made for the draft goes too. */
export function DiscardDraft({ integrationId, name, withSandbox }: { integrationId: string; name: string; withSandbox: boolean }) {
  const t = useTranslations("wizard.discard");
  const router = useRouter();
  const describe = useActionError();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const discard = () =>
    startTransition(async () => {
      setError(null);
      const result = await discardDraftAction(integrationId);
      setConfirming(false);
      if (result.ok) router.push("/integrations/jivo");
      else setError(describe(result));
    });

  return (
    <>
      <Button variant="ghost" onClick={() => setConfirming(true)} disabled={pending}>
        {t("open")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={t("title", { name })}
        confirmLabel={t("confirm")}
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={discard}
      >
        <p>{t("body")}</p>
        {withSandbox ? <p>{t("bodySandbox")}</p> : null}
      </ConfirmDialog>
    </>
  );
}
