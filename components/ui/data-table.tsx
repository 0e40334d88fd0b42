import type { ReactNode } from "react";

// The admin's tables: a grey header row of small capitals, rows split by thin lines, cells padded alike. `dense`
// is the compact variant inside a card (no header background, cells spaced on the right only).

export type Column = ReactNode | { label: ReactNode; className?: string };

const CELL = { regular: "px-4 py-3", dense: "py-2 pr-4 last:pr-0" } as const;
const HEAD = {
  regular: "bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500",
  dense: "text-left text-xs uppercase tracking-wide text-slate-500",
} as const;

const isLabelled = (column: Column): column is { label: ReactNode; className?: string } =>
  typeof column === "object" && column !== null && "label" in column;

export function DataTable({
  columns,
  caption,
  dense = false,
  alignTop = false,
  testId,
  children,
}: {
  columns: Column[];
  /** Names the table for screen readers (rendered visually hidden); give it an id through `caption.id`. */
  caption?: { id?: string; text: string };
  dense?: boolean;
  alignTop?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  const cell = CELL[dense ? "dense" : "regular"];
  return (
    <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
      {caption ? (
        <caption id={caption.id} className="sr-only">
          {caption.text}
        </caption>
      ) : null}
      <thead className={HEAD[dense ? "dense" : "regular"]}>
        <tr>
          {columns.map((column, index) => (
            <th
              key={index}
              scope="col"
              className={isLabelled(column) && column.className ? `${cell} ${column.className}` : cell}
            >
              {isLabelled(column) ? column.label : column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={alignTop ? "divide-y divide-slate-100 align-top" : "divide-y divide-slate-100"}>
        {children}
      </tbody>
    </table>
  );
}

/** A body cell with the table's padding; `dense` must match the table's. */
export function Cell({
  className,
  dense = false,
  colSpan,
  children,
}: {
  className?: string;
  dense?: boolean;
  colSpan?: number;
  children?: ReactNode;
}) {
  const cell = CELL[dense ? "dense" : "regular"];
  return (
    <td colSpan={colSpan} className={className ? `${cell} ${className}` : cell}>
      {children}
    </td>
  );
}
