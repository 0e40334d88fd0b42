"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { WizardStep } from "@/lib/integration-model/wizard-steps";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { ConfirmDialog } from "@/components/integrations/confirm-dialog";
import { CopyField } from "@/components/integrations/copy-field";
import { useServerAction } from "@/components/use-action-error";
import {
  activateIntegrationAction,
  deactivateIntegrationAction,
  pauseIntegrationAction,
  resumeIntegrationAction,
  rotateWebhookTokenAction,
} from "../actions";
import { JivoSetupSteps } from "./jivo-setup-steps";

type Props = {
  integrationId: string;
  status: string;
  canEdit: boolean;
  /** The full URL, for admins of a live integration. */
  webhookUrl: string | null;
  /** Members, and tokens issued before they were kept encrypted, only get the hint. */
  maskedUrl: string | null;
  incompleteStep: WizardStep | null;
};

/** Activation and everything after it: the URL to paste into JivoChat, pause/resume, rotate, deactivate. */
export function ActivationPanel({ integrationId, status, canEdit, webhookUrl, maskedUrl, incompleteStep }: Props) {
  const t = useTranslations("wizard.activate");
  const tSteps = useTranslations("wizard.steps");
  const [fresh, setFresh] = useState<{ url: string; notice: "activatedNotice" | "rotatedNotice" } | null>(null);
  const [confirming, setConfirming] = useState<"rotate" | "deactivate" | null>(null);
  const { run: runAction, pending, error } = useServerAction();
  // Right after activating or rotating, the action's answer is newer than the page's props.
  const live = status === "active" || status === "paused" || fresh !== null;
  const shownUrl = fresh?.url ?? webhookUrl;

  const run: typeof runAction = (action, onDone) => runAction(action, onDone, () => setConfirming(null));
  const showUrl = (notice: "activatedNotice" | "rotatedNotice") => (data: { webhookUrl: string }) =>
    setFresh({ url: data.webhookUrl, notice });

  return (
    <div className="space-y-6">
      {error ? <Alert tone="error">{error}</Alert> : null}

      {!live ? (
        <div className="space-y-4">
          {status === "inactive" ? <Alert tone="info">{t("inactive")}</Alert> : null}
          {incompleteStep ? (
            <Alert tone="warning">
              {t("incomplete")}{" "}
              <Link href={`/integrations/jivo/${integrationId}/${incompleteStep}`} className="font-medium underline">
                {tSteps(`${incompleteStep}.title`)}
              </Link>
            </Alert>
          ) : (
            <p className="text-sm text-slate-600">{t("ready")}</p>
          )}
          {canEdit ? (
            <Button
              onClick={() => run(() => activateIntegrationAction(integrationId), showUrl("activatedNotice"))}
              disabled={pending || !!incompleteStep}
            >
              {pending ? t("activating") : t("activate")}
            </Button>
          ) : (
            <p className="text-sm text-slate-500">{t("adminOnly")}</p>
          )}
        </div>
      ) : null}

      {live ? (
        <div className="space-y-4">
          {status === "paused" ? <Alert tone="warning">{t("pausedNotice")}</Alert> : null}
          {fresh ? <Alert tone="success">{t(fresh.notice)}</Alert> : null}
          {shownUrl ? (
            <div>
              <CopyField id="webhook-url" label={t("urlLabel")} value={shownUrl} />
              <p className="text-xs text-slate-500">{t("secretHint")}</p>
            </div>
          ) : maskedUrl ? (
            <div className="space-y-1">
              <label htmlFor="webhook-url-masked" className="block text-sm font-medium text-slate-700">
                {t("urlLabel")}
              </label>
              <input
                id="webhook-url-masked"
                readOnly
                value={maskedUrl}
                aria-describedby="webhook-url-masked-hint"
                className={`${inputClass} font-mono text-slate-500`}
              />
              <p id="webhook-url-masked-hint" className="text-xs text-slate-500">
                {canEdit ? t("maskedHint") : t("maskedHintMember")}
              </p>
            </div>
          ) : null}
          <JivoSetupSteps />
          {canEdit ? (
            <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
              {status === "active" ? (
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => run(() => pauseIntegrationAction(integrationId))}
                >
                  {t("pause")}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => run(() => resumeIntegrationAction(integrationId))}
                >
                  {t("resume")}
                </Button>
              )}
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming("rotate")}>
                {t("rotate")}
              </Button>
              <Button variant="danger" disabled={pending} onClick={() => setConfirming("deactivate")}>
                {t("deactivate")}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming === "rotate"}
        title={t("rotateConfirm.title")}
        confirmLabel={t("rotateConfirm.confirm")}
        pending={pending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => run(() => rotateWebhookTokenAction(integrationId), showUrl("rotatedNotice"))}
      >
        <p>{t("rotateConfirm.body")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === "deactivate"}
        title={t("deactivateConfirm.title")}
        confirmLabel={t("deactivateConfirm.confirm")}
        pending={pending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          run(
            () => deactivateIntegrationAction(integrationId),
            () => setFresh(null),
          )
        }
      >
        <p>{t("deactivateConfirm.body")}</p>
      </ConfirmDialog>
    </div>
  );
}
