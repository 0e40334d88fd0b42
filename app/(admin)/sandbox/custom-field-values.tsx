import { getFormatter, getTranslations } from "next-intl/server";
import type { CustomFieldValue } from "@/lib/ploomes-sandbox";
import { formatDate } from "./format-values";

export async function CustomFieldValues({ values }: { values: CustomFieldValue[] }) {
  if (values.length === 0) return <span className="text-slate-400">–</span>;
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  const show = ({ property, value }: CustomFieldValue): string => {
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (property === "DateTimeValue" && typeof value === "string") return formatDate(format, value);
    if (typeof value === "number") return format.number(value);
    return value;
  };
  return (
    <dl className="space-y-0.5 text-xs">
      {values.map((item, index) => (
        <div key={`${item.name}-${index}`} className="flex gap-1">
          <dt className="text-slate-500">{item.name}:</dt>
          <dd className="break-words text-slate-800">{show(item)}</dd>
        </div>
      ))}
    </dl>
  );
}
