import { useTranslations } from "next-intl";
import type { RecordLink } from "@/lib/sync/record-links";

/** Links to what an event created or reused: the sandbox page, or the Ploomes web app in a new tab. */
export function RecordLinks({ records, emptyText }: { records: RecordLink[]; emptyText?: string }) {
  const t = useTranslations("events.records");
  if (records.length === 0) return emptyText ? <span className="text-sm text-slate-500">{emptyText}</span> : null;
  return (
    <ul className="flex flex-col gap-0.5">
      {records.map((record) => {
        const external = !record.href.startsWith("/");
        return (
          <li key={`${record.entity}-${record.id}`}>
            <a
              href={record.href}
              className="text-brand-700 underline-offset-2 hover:underline"
              {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            >
              {t(`${record.entity}.${record.how}`, { id: record.id })}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
