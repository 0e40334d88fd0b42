import { getFormatter, getTranslations } from "next-intl/server";
import type { DealRow, Listing } from "@/lib/ploomes-sandbox/build-sandbox-overview";
import { sandboxRecordAnchor } from "@/lib/ploomes-sandbox/sandbox-record-anchor";
import { ContactLink } from "./contact-link";
import { CustomFieldValues } from "./custom-field-values";
import { formatDate } from "./format-values";
import { RecordSection, cellClass, headClass, rowClass, tableClass } from "./record-section";

export async function DealsSection({ listing }: { listing: Listing<DealRow> }) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  return (
    <RecordSection id="sandbox-deals" title={t("sections.deals")} shown={listing.rows.length} total={listing.total}>
      <table className={tableClass}>
        <thead className={headClass}>
          <tr>
            <th className={cellClass}>{t("columns.id")}</th>
            <th className={cellClass}>{t("columns.title")}</th>
            <th className={cellClass}>{t("columns.pipeline")}</th>
            <th className={cellClass}>{t("columns.client")}</th>
            <th className={cellClass}>{t("columns.person")}</th>
            <th className={cellClass}>{t("columns.status")}</th>
            <th className={cellClass}>{t("columns.amount")}</th>
            <th className={cellClass}>{t("columns.customFields")}</th>
            <th className={cellClass}>{t("columns.createdAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {listing.rows.map((row) => (
            <tr key={row.id} id={sandboxRecordAnchor("Deals", row.id)} className={rowClass}>
              <td className={`${cellClass} font-mono text-xs text-slate-500`}>{row.id}</td>
              <td className={`${cellClass} font-medium`}>{row.title || t("untitled")}</td>
              <td className={`${cellClass} text-slate-600`}>
                {row.pipelineName ?? "–"} › {row.stageName ?? "–"}
              </td>
              <td className={cellClass}>
                <ContactLink contact={row.contact} />
              </td>
              <td className={cellClass}>
                <ContactLink contact={row.person} />
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{t("status", { status: String(row.statusId ?? "") })}</td>
              <td className={`${cellClass} whitespace-nowrap`}>
                {row.amount === null ? "–" : format.number(row.amount, { style: "currency", currency: "BRL" })}
              </td>
              <td className={cellClass}>
                <CustomFieldValues values={row.customFields} />
              </td>
              <td className={`${cellClass} whitespace-nowrap text-slate-500`}>{formatDate(format, row.createDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </RecordSection>
  );
}
