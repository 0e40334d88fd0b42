import { getFormatter, getTranslations } from "next-intl/server";
import type { ContactRow, Listing } from "@/lib/ploomes-sandbox/build-sandbox-overview";
import { sandboxRecordAnchor } from "@/lib/ploomes-sandbox/sandbox-record-anchor";
import { CustomFieldValues } from "./custom-field-values";
import { formatDate } from "./format-values";
import { RecordSection, cellClass, headClass, rowClass, tableClass } from "./record-section";

export async function ContactsSection({ listing }: { listing: Listing<ContactRow> }) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  return (
    <RecordSection id="sandbox-contacts" title={t("sections.contacts")} shown={listing.rows.length} total={listing.total}>
      <table className={tableClass}>
        <thead className={headClass}>
          <tr>
            <th className={cellClass}>{t("columns.id")}</th>
            <th className={cellClass}>{t("columns.type")}</th>
            <th className={cellClass}>{t("columns.name")}</th>
            <th className={cellClass}>{t("columns.email")}</th>
            <th className={cellClass}>{t("columns.phones")}</th>
            <th className={cellClass}>{t("columns.company")}</th>
            <th className={cellClass}>{t("columns.customFields")}</th>
            <th className={cellClass}>{t("columns.createdAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {listing.rows.map((row) => (
            <tr key={row.id} id={sandboxRecordAnchor("Contacts", row.id)} className={rowClass}>
              <td className={`${cellClass} font-mono text-xs text-slate-500`}>{row.id}</td>
              <td className={cellClass}>{t("contactType", { type: String(row.typeId ?? "") })}</td>
              <td className={`${cellClass} font-medium`}>{row.name}</td>
              <td className={`${cellClass} whitespace-nowrap text-slate-600`}>{row.email ?? "–"}</td>
              <td className={`${cellClass} whitespace-nowrap text-slate-600`}>
                {row.phones.length ? row.phones.map((phone, index) => <div key={index}>{phone}</div>) : "–"}
              </td>
              <td className={cellClass}>
                {row.company ? <a className="text-brand-700 hover:underline" href={`#${sandboxRecordAnchor("Contacts", row.company.id)}`}>{row.company.name}</a> : "–"}
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
