import { getFormatter, getTranslations } from "next-intl/server";
import type { LeadRow, Listing } from "@/lib/ploomes-sandbox/build-sandbox-overview";
import { sandboxRecordAnchor } from "@/lib/ploomes-sandbox/sandbox-record-anchor";
import { CustomFieldValues } from "./custom-field-values";
import { formatDate } from "./format-values";
import { RecordSection, cellClass, headClass, rowClass, tableClass } from "./record-section";

export async function LeadsSection({ listing }: { listing: Listing<LeadRow> }) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  return (
    <RecordSection id="sandbox-leads" title={t("sections.leads")} shown={listing.rows.length} total={listing.total}>
      <table className={tableClass}>
        <thead className={headClass}>
          <tr>
            <th className={cellClass}>{t("columns.id")}</th>
            <th className={cellClass}>{t("columns.personName")}</th>
            <th className={cellClass}>{t("columns.companyName")}</th>
            <th className={cellClass}>{t("columns.email")}</th>
            <th className={cellClass}>{t("columns.phones")}</th>
            <th className={cellClass}>{t("columns.customFields")}</th>
            <th className={cellClass}>{t("columns.createdAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {listing.rows.map((row) => (
            <tr key={row.id} id={sandboxRecordAnchor("Leads", row.id)} className={rowClass}>
              <td className={`${cellClass} font-mono text-xs text-slate-500`}>{row.id}</td>
              <td className={`${cellClass} font-medium`}>{row.personName ?? "–"}</td>
              <td className={cellClass}>{row.companyName ?? "–"}</td>
              <td className={`${cellClass} whitespace-nowrap text-slate-600`}>{row.email ?? "–"}</td>
              <td className={`${cellClass} whitespace-nowrap text-slate-600`}>
                {row.phones.length ? row.phones.map((phone, index) => <div key={index}>{phone}</div>) : "–"}
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
