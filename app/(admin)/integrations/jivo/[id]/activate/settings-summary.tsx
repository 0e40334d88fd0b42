import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { IntegrationView } from "@/lib/integration-model/integration";
import type { PloomesOptions } from "@/lib/integrations/settings";
import {
  behaviourCreatesDeal,
  CUSTOM_PREFIX,
  type FieldMapping,
  type IntegrationSettings,
} from "@/lib/integration-model/settings-schema";
import { getStandardField } from "@/lib/jivo/standard-fields";
import type { WizardStep } from "@/lib/integration-model/wizard-steps";
import { Card } from "@/components/ui/card";

type Props = { integration: IntegrationView; settings: IntegrationSettings; options: PloomesOptions; canEdit: boolean };

/** Everything the wizard decided, on one screen, each part linking back to its step. */
export async function SettingsSummary({ integration, settings, options, canEdit }: Props) {
  const t = await getTranslations("wizard.summary");
  const tRoot = await getTranslations();
  const tSteps = await getTranslations("wizard.steps");
  const tBehaviour = await getTranslations("wizard.behaviour");
  const tTargets = await getTranslations("ploomesTargets");
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  const pipeline = options.pipelines.find((p) => p.id === settings.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === settings.stageId);
  const owner = options.users.find((u) => u.id === settings.defaultOwnerId);
  const target = (mapping: FieldMapping) => {
    const field = mapping.field.startsWith(CUSTOM_PREFIX)
      ? (options.customFields.find((c) => `${CUSTOM_PREFIX}${c.key}` === mapping.field)?.name ??
        mapping.field.slice(CUSTOM_PREFIX.length))
      : tTargets.has(`fields.${mapping.field}`)
        ? tTargets(`fields.${mapping.field}`)
        : mapping.field;
    return `${tTargets(`entities.${mapping.entity}`)}: ${field}`;
  };

  const part = (step: WizardStep, body: ReactNode) => (
    <div key={step} className="grid gap-2 py-4 sm:grid-cols-[12rem_1fr_auto]">
      <dt className="text-sm font-medium text-slate-700">{tSteps(`${step}.title`)}</dt>
      <dd className="min-w-0 text-sm text-slate-700">{body}</dd>
      <dd>
        <Link
          href={`/integrations/jivo/${integration.id}/${step}`}
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          {canEdit ? t("edit") : t("view")}
          <span className="sr-only"> {tSteps(`${step}.title`)}</span>
        </Link>
      </dd>
    </div>
  );

  return (
    <Card id="summary-heading" title={t("title")} className="p-6">
      <dl className="mt-2 divide-y divide-slate-100">
        {part(
          "connection",
          integration.connection ? (
            <>
              {integration.connection.ploomesAccountName ?? "Ploomes"} ·{" "}
              <span className="font-mono">••••{integration.connection.apiKeyLast4}</span>
              {integration.connection.isSandbox ? ` · ${t("sandbox")}` : null}
            </>
          ) : (
            <span className="text-amber-800">{t("notConnected")}</span>
          ),
        )}
        {part(
          "behaviour",
          <>
            <p>{tBehaviour(`options.${settings.behaviour}.title`)}</p>
            <p className="text-slate-500">
              {t("offline")}: {tBehaviour(`offline.options.${settings.offlineBehaviour}.title`)}
            </p>
            <p className="text-slate-500">
              {t("agentLookup")}: {yesNo(settings.agentLookup)} · {t("createOnChatStart")}:{" "}
              {yesNo(settings.createOnChatStart)}
            </p>
            {settings.behaviour !== "lead" ? (
              <p className="text-slate-500" data-testid="summary-calls">
                {t("recordCalls")}: {yesNo(settings.recordCalls)}
              </p>
            ) : null}
            <p className="text-slate-500" data-testid="summary-owner">
              {t("owner")}: {owner?.name ?? t("keyOwner")}
              {settings.ownerFromAgent ? ` · ${t("ownerFromAgent")}` : null}
            </p>
          </>,
        )}
        {behaviourCreatesDeal(settings.behaviour)
          ? part(
              "funnel",
              <ul className="space-y-0.5">
                <li data-testid="summary-funnel">
                  {pipeline && stage ? (
                    `${pipeline.name} › ${stage.name}`
                  ) : (
                    <span className="text-amber-800">{t("noStage")}</span>
                  )}
                </li>
                <li>
                  {t("avoidDuplicates")}: {yesNo(settings.avoidDuplicateDeals)}
                </li>
                <li>
                  {t("dealTitle")}: <span className="font-mono text-xs">{settings.dealTitleTemplate}</span>
                </li>
              </ul>,
            )
          : null}
        {part(
          "mapping",
          <ul className="space-y-0.5" data-testid="summary-mappings">
            {settings.mappings.map((mapping, index) => (
              <li key={index}>
                {tRoot(getStandardField(mapping.source).labelKey)} → {target(mapping)}
              </li>
            ))}
            <li className="text-slate-500">
              {t("transcript")}: {yesNo(settings.writeTranscript)}
            </li>
          </ul>,
        )}
        {part(
          "channels",
          <>
            <p>
              {settings.widgetIds.length === 0 ? (
                t("allChannels")
              ) : (
                <span className="font-mono text-xs">{settings.widgetIds.join(", ")}</span>
              )}
            </p>
            <p className="text-slate-500">{t("silenceAlert", { hours: settings.silenceAlertHours })}</p>
          </>,
        )}
      </dl>
    </Card>
  );
}
