import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

// Each listing of the page: a heading to jump to, how much of it is shown, and its rows (or a note that there
// are none). Server-rendered: the page is read-only, and transcripts would otherwise travel twice.

export async function RecordSection({
  id,
  title,
  shown,
  total,
  children,
}: {
  id: string;
  title: string;
  shown: number;
  total: number;
  children: ReactNode;
}) {
  const t = await getTranslations("sandbox");
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {total > shown ? <p className="text-xs text-slate-500">{t("showing", { shown, total })}</p> : null}
      </div>
      {total === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">{children}</div>
      )}
    </section>
  );
}

export const rowClass = "scroll-mt-4 target:bg-amber-50";
