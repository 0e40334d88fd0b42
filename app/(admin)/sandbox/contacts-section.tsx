import { getTranslations } from "next-intl/server";
import type { ContactRow, Listing } from "@/lib/ploomes-sandbox";
import { ContactLink } from "./contact-link";
import { RecordTableSection, reachColumns } from "./record-table-section";

export async function ContactsSection({ listing }: { listing: Listing<ContactRow> }) {
  const t = await getTranslations("sandbox");
  return (
    <RecordTableSection
      id="sandbox-contacts"
      title={t("sections.contacts")}
      entity="Contacts"
      listing={listing}
      columns={[
        { header: t("columns.type"), cell: (row) => t("contactType", { type: String(row.typeId ?? "") }) },
        { header: t("columns.name"), className: "font-medium", cell: (row) => row.name },
        ...reachColumns(t),
        { header: t("columns.company"), cell: (row) => (row.company ? <ContactLink contact={row.company} /> : "–") },
      ]}
    />
  );
}
