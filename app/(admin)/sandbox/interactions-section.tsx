import { getFormatter, getTranslations } from "next-intl/server";
import type { InteractionRow, Listing } from "@/lib/ploomes-sandbox";
import { sandboxRecordAnchor } from "@/lib/sync/sandbox-record-anchor";
import { ContactLink } from "./contact-link";
import { formatDate } from "./format-values";
import { RecordSection, rowClass } from "./record-section";

export async function InteractionsSection({ listing }: { listing: Listing<InteractionRow> }) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  return (
    <RecordSection
      id="sandbox-interactions"
      title={t("sections.interactions")}
      shown={listing.rows.length}
      total={listing.total}
    >
      <ul className="divide-y divide-slate-100">
        {listing.rows.map((row) => (
          <li
            key={row.id}
            id={sandboxRecordAnchor("InteractionRecords", row.id)}
            className={`${rowClass} space-y-2 px-4 py-3`}
          >
            <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
              <span className="font-mono">
                {t("columns.id")} {row.id}
              </span>
              <span>{formatDate(format, row.date)}</span>
              <span>
                {t("columns.contact")}: <ContactLink contact={row.contact} />
              </span>
              {row.deal ? (
                <span>
                  {t("columns.deal")}:{" "}
                  <a className="text-brand-700 hover:underline" href={`#${sandboxRecordAnchor("Deals", row.deal.id)}`}>
                    {row.deal.name || t("untitled")}
                  </a>
                </span>
              ) : null}
            </div>
            <pre className="max-h-96 overflow-y-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">
              {row.content}
            </pre>
          </li>
        ))}
      </ul>
    </RecordSection>
  );
}
