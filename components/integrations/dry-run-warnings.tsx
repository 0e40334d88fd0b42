import { useTranslations } from "next-intl";
import type { PlanWarning } from "@/lib/sync/dry-run/describe-dry-run";
import { getStandardField } from "@/lib/jivo/standard-fields";
import { usePlanFieldLabel } from "./plan-field-list";

/** What the dry run noticed (no e-mail nor phone, a value that will not convert, a field gone from Ploomes…). */
export function DryRunWarnings({ warnings }: { warnings: PlanWarning[] }) {
  const t = useTranslations("wizard.dryRun");
  const tRoot = useTranslations();
  const tTargets = useTranslations("ploomesTargets.entities");
  const label = usePlanFieldLabel();
  if (warnings.length === 0) return null;
  return (
    <div
      className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
      data-testid="dry-run-warnings"
    >
      <p className="font-medium">{t("warningsTitle")}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {warnings.map((warning, index) => {
          const field = warning.field && warning.entity ? `${tTargets(warning.entity)}: ${label(warning.field)}` : null;
          const source = warning.source ? tRoot(getStandardField(warning.source).labelKey) : null;
          return (
            <li key={index} data-code={warning.code}>
              {t.has(`warnings.${warning.code}`) ? t(`warnings.${warning.code}`) : warning.code}
              {field ? ` ${t("warningField", { field })}` : null}
              {source ? ` ${t("warningSource", { source })}` : null}
              {warning.value ? ` ${t("warningValue", { value: warning.value })}` : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
