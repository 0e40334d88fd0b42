import { useTranslations } from "next-intl";
import type { RecordRef } from "@/lib/sync/dry-run/describe-record-body";

/** A record the plan names: a link to an existing Ploomes record, or "a nova pessoa" for one it would create. */
export function PlanRecordRef({ record }: { record: RecordRef }) {
  const t = useTranslations("wizard.dryRun.records");
  if (!record.href) return <span className="font-medium">{t(`new.${record.entity}`)}</span>;
  const external = !record.href.startsWith("/");
  return (
    <a
      href={record.href}
      className="font-medium text-brand-700 underline-offset-2 hover:underline"
      {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
    >
      {t(`existing.${record.entity}`, { id: record.id })}
    </a>
  );
}
