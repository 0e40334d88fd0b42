import { getFormatter, getTranslations } from "next-intl/server";
import type { DealRow, Listing } from "@/lib/ploomes-sandbox";
import { ContactLink } from "./contact-link";
import { RecordTableSection } from "./record-table-section";

export async function DealsSection({ listing }: { listing: Listing<DealRow> }) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  return (
    <RecordTableSection
      id="sandbox-deals"
      title={t("sections.deals")}
      entity="Deals"
      listing={listing}
      columns={[
        { header: t("columns.title"), className: "font-medium", cell: (row) => row.title || t("untitled") },
        {
          header: t("columns.pipeline"),
          className: "text-slate-600",
          cell: (row) => `${row.pipelineName ?? "–"} › ${row.stageName ?? "–"}`,
        },
        { header: t("columns.client"), cell: (row) => <ContactLink contact={row.contact} /> },
        { header: t("columns.person"), cell: (row) => <ContactLink contact={row.person} /> },
        {
          header: t("columns.status"),
          className: "whitespace-nowrap",
          cell: (row) => t("status", { status: String(row.statusId ?? "") }),
        },
        {
          header: t("columns.amount"),
          className: "whitespace-nowrap",
          cell: (row) =>
            row.amount === null ? "–" : format.number(row.amount, { style: "currency", currency: "BRL" }),
        },
      ]}
    />
  );
}
