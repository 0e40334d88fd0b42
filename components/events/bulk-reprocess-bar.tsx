"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { startBulkReprocessAction } from "@/app/(admin)/events/bulk-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Filters = { q?: string; integration?: string; from?: string; to?: string };
const KNOWN_ERRORS = new Set(["FORBIDDEN", "CONFLICT", "VALIDATION"]);

/** The admin's bulk reprocess controls: the events ticked on this page, or every failed one of the filter. */
export function BulkReprocessBar({
  selectedIds,
  failedMatching,
  filters,
  onStarted,
}: {
  selectedIds: string[];
  /** Failed events the current filter matches on every page (null: the filter shows no failed events). */
  failedMatching: number | null;
  filters: Filters;
  onStarted: () => void;
}) {
  const t = useTranslations("bulkReprocess");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const start = (selection: unknown) =>
    startTransition(async () => {
      const result = await startBulkReprocessAction(selection);
      if (result.ok) {
        setMessage({ tone: "success", text: t("started", { count: result.data.total }) });
        onStarted();
        router.refresh();
      } else {
        setMessage({
          tone: "error",
          text: t(KNOWN_ERRORS.has(result.code) ? `errors.${result.code}` : "errors.other"),
        });
      }
    });

  const { q, integration, from, to } = filters;
  return (
    <div className="space-y-2" data-testid="bulk-reprocess">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={pending || selectedIds.length === 0}
          onClick={() => start({ ids: selectedIds })}
        >
          {t("selected", { count: selectedIds.length })}
        </Button>
        {failedMatching ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => start({ filters: { q, integration, from, to } })}
          >
            {t("allFailed", { count: failedMatching })}
          </Button>
        ) : null}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
