import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CustomFieldValue, Listing } from "@/lib/ploomes-sandbox";
import { type SandboxListedEntity, sandboxRecordAnchor } from "@/lib/sync/sandbox-record-anchor";
import { Cell, DataTable } from "@/components/ui/data-table";
import { CustomFieldValues } from "./custom-field-values";
import { formatDate } from "./format-values";
import { RecordSection, rowClass } from "./record-section";

export type Column<Row> = { header: string; className?: string; cell: (row: Row) => ReactNode };

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type RecordRow = { id: number; customFields: CustomFieldValue[]; createDate: string | null };

/**
 * An entity's records as a table: the Id first, the entity's own columns, then what every record carries (custom
 * fields, creation date); each row under the anchor other pages link to.
 */
export async function RecordTableSection<Row extends RecordRow>({
  id,
  title,
  entity,
  listing,
  columns,
}: {
  id: string;
  title: string;
  entity: SandboxListedEntity;
  listing: Listing<Row>;
  columns: Column<Row>[];
}) {
  const t = await getTranslations("sandbox");
  const format = await getFormatter();
  const all: Column<Row>[] = [
    { header: t("columns.id"), className: "font-mono text-xs text-slate-500", cell: (row) => row.id },
    ...columns,
    { header: t("columns.customFields"), cell: (row) => <CustomFieldValues values={row.customFields} /> },
    {
      header: t("columns.createdAt"),
      className: "whitespace-nowrap text-slate-500",
      cell: (row) => formatDate(format, row.createDate),
    },
  ];
  return (
    <RecordSection id={id} title={title} shown={listing.rows.length} total={listing.total}>
      <DataTable columns={all.map((column) => column.header)} alignTop>
        {listing.rows.map((row) => (
          <tr key={row.id} id={sandboxRecordAnchor(entity, row.id)} className={rowClass}>
            {all.map((column, index) => (
              <Cell key={index} className={column.className}>
                {column.cell(row)}
              </Cell>
            ))}
          </tr>
        ))}
      </DataTable>
    </RecordSection>
  );
}

/** How a contact or a lead is reached: e-mail and phones. */
export function reachColumns(t: Translator): Column<{ email: string | null; phones: string[] }>[] {
  const className = "whitespace-nowrap text-slate-600";
  return [
    { header: t("columns.email"), className, cell: (row) => row.email ?? "–" },
    {
      header: t("columns.phones"),
      className,
      cell: (row) => (row.phones.length ? row.phones.map((phone, index) => <div key={index}>{phone}</div>) : "–"),
    },
  ];
}
