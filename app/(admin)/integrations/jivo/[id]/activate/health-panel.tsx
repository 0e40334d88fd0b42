"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { HealthFinding, HealthStatus } from "@/lib/integrations/health";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/integrations/use-action-error";
import { checkHealthAction } from "../actions";

type Props = { integrationId: string; canEdit: boolean; connected: boolean; health: HealthStatus; now: Date };

/** Last event, last check, the silence alert and "Verificar agora" (whose findings also flag the integration). */
export function HealthPanel({ integrationId, canEdit, connected, health, now }: Props) {
  const t = useTranslations("wizard.health");
  const tSteps = useTranslations("wizard.steps");
  const format = useFormatter();
  const router = useRouter();
  const describe = useActionError();
  const [findings, setFindings] = useState<HealthFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: "short", timeStyle: "medium" })}>
      {format.relativeTime(date, now)}
    </time>
  );

  const check = () =>
    startTransition(async () => {
      setError(null);
      const result = await checkHealthAction(integrationId);
      if (!result.ok) return setError(describe(result));
      setFindings(result.data);
      // The layout's banner follows the flag the check just set or cleared.
      router.refresh();
    });

  return (
    <section aria-labelledby="health-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="health-heading" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("lastEvent")}</dt>
          <dd className="text-slate-900" data-testid="health-last-event">
            {health.lastEventAt ? when(health.lastEventAt) : t("noEventYet")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("lastCheck")}</dt>
          <dd className="text-slate-900">{health.lastHealthAt ? when(health.lastHealthAt) : t("neverChecked")}</dd>
        </div>
      </dl>
      {health.silent ? (
        <Alert tone="warning">
          <p className="font-medium">{t("silent", { hours: health.silenceAlertHours })}</p>
          <p className="mt-1">{t("silentWhy")}</p>
          <Link href={`/integrations/jivo/${integrationId}/channels`} className="mt-1 inline-block font-medium underline">
            {t("silentSetting")}
          </Link>
        </Alert>
      ) : null}
      {canEdit && connected ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={check} disabled={pending}>
              {pending ? t("checking") : t("check")}
            </Button>
            <span className="text-xs text-slate-500">{t("checkHint")}</span>
          </div>
          {error ? <Alert tone="error">{error}</Alert> : null}
          {findings && findings.length === 0 ? <Alert tone="success">{t("healthy")}</Alert> : null}
          {findings && findings.length > 0 ? (
            <Alert tone="error">
              <p className="font-medium">{t("problems", { count: findings.length })}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="health-findings">
                {findings.map((finding, index) => (
                  <li key={index} data-code={finding.code}>
                    {finding.detail}{" "}
                    {finding.step ? (
                      <Link href={`/integrations/jivo/${integrationId}/${finding.step}`} className="font-medium underline">
                        {t("fixAt", { step: tSteps(`${finding.step}.title`) })}
                      </Link>
                    ) : (
                      t("retryLater")
                    )}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
