import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DryRunView, PlanItem } from "@/lib/sync/dry-run/describe-dry-run";
import { Alert } from "@/components/ui/alert";
import { DryRunWarnings } from "./dry-run-warnings";
import { PlanFieldList } from "./plan-field-list";
import { PlanRecordRef } from "./plan-record-ref";

function Item({ item }: { item: PlanItem }) {
  const t = useTranslations("wizard.dryRun.items");
  switch (item.kind) {
    case "found":
      return (
        <>
          {t(`found.${item.entity}.${item.how}`)} <PlanRecordRef record={item.record} /> — {t("reused")}
        </>
      );
    case "notFound":
      return <>{t(`notFound.${item.entity}`)}</>;
    case "create":
      return (
        <>
          <p className="font-medium text-slate-900">{t(`create.${item.entity}`)}</p>
          <PlanFieldList fields={item.fields} />
        </>
      );
    case "link":
      return t.rich("link", {
        person: () => <PlanRecordRef record={item.person} />,
        company: () => <PlanRecordRef record={item.company} />,
      });
    case "openDeal":
      return item.reused ? (
        <p className="font-medium text-slate-900">
          {t.rich("dealSkipped", { deal: () => <PlanRecordRef record={item.record} />, title: item.title ?? "—" })}
        </p>
      ) : (
        t.rich("openDealNotReused", { deal: () => <PlanRecordRef record={item.record} /> })
      );
    case "noOpenDeal":
      return <>{t("noOpenDeal")}</>;
    case "interaction":
      return (
        <>
          <p className="font-medium text-slate-900">
            {t.rich("interaction", { on: () => <PlanRecordRef record={item.on} /> })}
          </p>
          <pre
            className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-xs text-slate-700"
            data-testid="dry-run-transcript"
          >
            {item.transcript}
          </pre>
        </>
      );
  }
}

const testId = (item: PlanItem) => ("entity" in item ? `plan-${item.kind}-${item.entity}` : `plan-${item.kind}`);

/** What a chat would create, reuse or skip in Ploomes, step by step, as planned by the dry run. */
export function DryRunPlan({ view, integrationId }: { view: DryRunView; integrationId: string }) {
  const t = useTranslations("wizard.dryRun");
  const tSteps = useTranslations("wizard.steps");
  const tBehaviour = useTranslations("wizard.behaviour.options");
  const tEvents = useTranslations("events");
  const visitor = view.event.visitor ?? view.event.email ?? view.event.phone ?? tEvents("table.anonymous");
  const eventName = tEvents.has(`eventNames.${view.event.name}`)
    ? tEvents(`eventNames.${view.event.name}`)
    : view.event.name;

  return (
    <div className="space-y-4" data-testid="dry-run-plan">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("planTitle", { event: eventName, visitor })}</h3>
        <p className="text-xs text-slate-500">{t("behaviour", { behaviour: tBehaviour(`${view.behaviour}.title`) })}</p>
      </div>
      {view.incompleteStep ? (
        <Alert tone="warning">
          {t("incomplete")}{" "}
          <Link href={`/integrations/jivo/${integrationId}/${view.incompleteStep}`} className="font-medium underline">
            {tSteps(`${view.incompleteStep}.title`)}
          </Link>
        </Alert>
      ) : null}
      {view.ignoredReason ? (
        <Alert tone="info">
          {tEvents.has(`reasons.${view.ignoredReason}`) ? tEvents(`reasons.${view.ignoredReason}`) : view.ignoredReason}{" "}
          {t("ignored")}
          {view.event.name === "chat_accepted" ? ` ${t("chatAcceptedHint")}` : null}
        </Alert>
      ) : (
        <ol className="space-y-2">
          {view.items.map((item, index) => (
            <li
              key={index}
              data-testid={testId(item)}
              className="rounded-lg border border-slate-200 p-3 text-sm text-slate-700"
            >
              <Item item={item} />
            </li>
          ))}
          {!view.writeTranscript ? <li className="px-3 text-sm text-slate-500">{t("noTranscript")}</li> : null}
        </ol>
      )}
      <DryRunWarnings warnings={view.warnings} />
      <p className="text-xs text-slate-500">{t("requests", { count: view.requests })}</p>
    </div>
  );
}
