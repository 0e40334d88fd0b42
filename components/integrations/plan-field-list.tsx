import { useFormatter, useTranslations } from "next-intl";
import type { FieldLabel, PlanField, PlanValue } from "@/lib/sync/dry-run/describe-record-body";
import { PlanRecordRef } from "./plan-record-ref";

/** A Ploomes field as its screens name it: standard fields translated, custom ones by their own name. */
export function usePlanFieldLabel() {
  const t = useTranslations("wizard.dryRun");
  const tTargets = useTranslations("ploomesTargets");
  return (label: FieldLabel) => {
    if (label.kind === "meta") return t(`meta.${label.key}`);
    if (label.kind === "custom") return label.name ?? t("unknownField", { key: label.key });
    return tTargets.has(`fields.${label.key}`) ? tTargets(`fields.${label.key}`) : label.key;
  };
}

function Value({ value }: { value: PlanValue }) {
  const t = useTranslations("wizard.summary");
  const format = useFormatter();
  switch (value.type) {
    case "text":
      return <span className="whitespace-pre-wrap break-words">{value.text}</span>;
    case "number":
      return <>{format.number(value.value)}</>;
    case "bool":
      return <>{value.value ? t("yes") : t("no")}</>;
    case "date":
      return <>{format.dateTime(new Date(value.iso), { dateStyle: "short", timeStyle: "short" })}</>;
    case "record":
      return <PlanRecordRef record={value.record} />;
  }
}

/** Every value a record would be created with, after mapping and type conversion. */
export function PlanFieldList({ fields }: { fields: PlanField[] }) {
  const label = usePlanFieldLabel();
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,14rem)_1fr]">
      {fields.map((field, index) => (
        <div key={index} className="contents" data-testid="plan-field">
          <dt className="text-slate-500">{label(field.label)}</dt>
          <dd className="min-w-0 text-slate-900">
            <Value value={field.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
