import { getTranslations } from "next-intl/server";
import type { LeadRow, Listing } from "@/lib/ploomes-sandbox";
import { RecordTableSection, reachColumns } from "./record-table-section";

export async function LeadsSection({ listing }: { listing: Listing<LeadRow> }) {
  const t = await getTranslations("sandbox");
  return (
    <RecordTableSection
      id="sandbox-leads"
      title={t("sections.leads")}
      entity="Leads"
      listing={listing}
      columns={[
        { header: t("columns.personName"), className: "font-medium", cell: (row) => row.personName ?? "–" },
        { header: t("columns.companyName"), cell: (row) => row.companyName ?? "–" },
        ...reachColumns(t),
      ]}
    />
  );
}
