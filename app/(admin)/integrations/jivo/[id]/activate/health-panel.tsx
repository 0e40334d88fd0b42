"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { HealthFinding, HealthStatus } from "@/lib/integrations/health";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SummaryItem, SummaryList } from "@/components/ui/summary-list";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-action-error";
import { checkHealthAction } from "../actions";

type Props = { integrationId: string; canEdit: boolean; connected: boolean; health: HealthStatus; now: Date };

/** Last event, last check, the silence alert and "Verificar agora" (whose findings also flag the integration). */
export function HealthPanel({ integrationId, canEdit, connected, health, now }: Props) {
  const t = useTranslations("wizard.health");
  const tSteps = useTranslations("wizard.steps");
  const format = useFormatter();
  const router = useRouter();
  const [findings, setFindings] = useState<HealthFinding[] | null>(null);
  const { run, pending, error } = useServerAction();
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: "short", timeStyle: "medium" })}>
      {format.relativeTime(date, now)}
    </time>
  );

  const check = () =>
    run(
      () => checkHealthAction(integrationId),
      (found) => {
        setFindings(found);
        // The layout's banner follows the flag the check just set or cleared.
        router.refresh();
      },
    );

  return (
    <Card id="health-heading" title={t("title")}>
      <SummaryList className="grid gap-3 text-sm sm:grid-cols-2">
        <SummaryItem label={t("lastEvent")} testId="health-last-event">
          {health.lastEventAt ? when(health.lastEventAt) : t("noEventYet")}
        </SummaryItem>
        <SummaryItem label={t("lastCheck")}>
          {health.lastHealthAt ? when(health.lastHealthAt) : t("neverChecked")}
        </SummaryItem>
      </SummaryList>
      {health.silent ? (
        <Alert tone="warning">
          <p className="font-medium">{t("silent", { hours: health.silenceAlertHours })}</p>
          <p className="mt-1">{t("silentWhy")}</p>
          <Link
            href={`/integrations/jivo/${integrationId}/channels`}
            className="mt-1 inline-block font-medium underline"
          >
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
                      <Link
                        href={`/integrations/jivo/${integrationId}/${finding.step}`}
                        className="font-medium underline"
                      >
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
    </Card>
  );
}
