import type { ReactNode } from "react";

// A definition list of facts about one thing (an event, a connection, the queue): a label over its value.
// - "plain": a grey label over a value in running text;
// - "caps": a small-capitals label, for a dense grid of facts;
// - "stat": a figure in its own little box, for a dashboard.

type Variant = "plain" | "caps" | "stat";

const STYLES: Record<Variant, { item?: string; term: string; detail: string }> = {
  plain: { term: "text-slate-500", detail: "text-slate-900" },
  caps: {
    term: "text-xs font-medium uppercase tracking-wide text-slate-500",
    detail: "mt-0.5 break-words text-sm text-slate-900",
  },
  stat: {
    item: "rounded-lg border border-slate-200 bg-white px-4 py-3",
    term: "text-xs font-medium uppercase tracking-wide text-slate-500",
    detail: "mt-1 text-xl font-semibold text-slate-900",
  },
};

/** The list itself; `className` lays the items out (a grid, usually). */
export function SummaryList({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={className}>{children}</dl>;
}

export function SummaryItem({
  label,
  variant = "plain",
  className,
  valueClassName,
  testId,
  children,
}: {
  label: ReactNode;
  variant?: Variant;
  /** Extra classes of the item (e.g. `min-w-0` so a long value can truncate). */
  className?: string;
  /** Extra classes of the value (e.g. `font-mono`). */
  valueClassName?: string;
  testId?: string;
  children: ReactNode;
}) {
  const style = STYLES[variant];
  const item = [style.item, className].filter(Boolean).join(" ") || undefined;
  return (
    <div className={item}>
      <dt className={style.term}>{label}</dt>
      <dd className={valueClassName ? `${style.detail} ${valueClassName}` : style.detail} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
