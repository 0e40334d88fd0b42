import { useFormatter, useTranslations } from "next-intl";
import type { BatchView } from "@/lib/events/reprocess";

/** Progress of the account's recent bulk reprocesses (the log refreshes itself while one runs). */
export function ReprocessBatchesPanel({ batches }: { batches: BatchView[] }) {
  const t = useTranslations("bulkReprocess.progress");
  const format = useFormatter();
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="reprocess-batches" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="reprocess-batches" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <ul className="mt-3 space-y-3">
        {batches.map((batch) => {
          const percent = batch.total ? Math.min(100, Math.round((batch.processed / batch.total) * 100)) : 100;
          return (
            <li key={batch.id} data-testid={`reprocess-batch-${batch.id}`} className="space-y-1 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">
                  {batch.status === "done" ? t("done") : t("running")} ·{" "}
                  {format.dateTime(batch.createdAt, { timeStyle: "short" })}
                </span>
                <span className="text-slate-600">
                  {t("counts", {
                    processed: batch.processed,
                    total: batch.total,
                    requeued: batch.requeued,
                    skipped: batch.skipped,
                  })}
                </span>
              </div>
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-label={t("label")}
                className="h-2 overflow-hidden rounded bg-slate-100"
              >
                <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
