"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/integrations/confirm-dialog";
import { useServerAction } from "@/components/use-action-error";
import { discardDraftAction } from "./actions";

/** "Descartar rascunho", confirmed in a dialog that says whether the sandbox made for the draft goes too. */
export function DiscardDraft({
  integrationId,
  name,
  withSandbox,
}: {
  integrationId: string;
  name: string;
  withSandbox: boolean;
}) {
  const t = useTranslations("wizard.discard");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useServerAction();

  const discard = () =>
    run(
      () => discardDraftAction(integrationId),
      () => router.push("/integrations/jivo"),
      () => setConfirming(false),
    );

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
