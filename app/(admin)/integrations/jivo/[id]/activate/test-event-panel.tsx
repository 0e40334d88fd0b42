"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { eventStatusView } from "@/lib/events/event-status";
import type { TestEventView } from "@/lib/integrations/test-event";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RecordLinks } from "@/components/events/record-links";
import { StatusBadge } from "@/components/events/status-badge";
import { useActionError } from "@/components/integrations/use-action-error";
import { sendTestEventAction } from "../actions";

function Outcome({ result }: { result: TestEventView }) {
  const t = useTranslations("wizard.testEvent");
  const tReasons = useTranslations("events.reasons");
  if (!result.eventId) return <Alert tone="error">{t("notStored", { status: result.httpStatus })}</Alert>;
  // Receiver reasons are codes; worker errors are already sentences (as on the event's page).
  const reason = result.statusReason && (tReasons.has(result.statusReason) ? tReasons(result.statusReason) : result.statusReason);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm" data-testid="test-event-outcome">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge view={eventStatusView({ status: result.status, deliveries: 1, job: null })} />
        <Link href={`/events/${result.eventId}`} className="text-brand-700 underline-offset-2 hover:underline">
          {t("openEvent")}
        </Link>
      </div>
      {reason ? <p className="text-slate-700">{reason}</p> : null}
      {result.status === "done" || result.records.length > 0 ? <RecordLinks records={result.records} emptyText={t("noRecords")} /> : null}
      {result.status === "received" || result.status === "processing" ? <p className="text-slate-600">{t("stillProcessing")}</p> : null}
    </div>
  );
}

/** "Enviar evento de teste": the bundled chat through the real URL and worker, its outcome shown in place. */
export function TestEventPanel({ integrationId, isSandbox }: { integrationId: string; isSandbox: boolean }) {
  const t = useTranslations("wizard.testEvent");
  const router = useRouter();
  const describe = useActionError();
  const [result, setResult] = useState<TestEventView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const send = () =>
    startTransition(async () => {
      setError(null);
      setResult(null);
      const answer = await sendTestEventAction(integrationId);
      if (!answer.ok) return setError(describe(answer));
      setResult(answer.data);
      router.refresh();
    });

  return (
    <section aria-labelledby="test-event-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      <header>
        <h2 id="test-event-heading" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{isSandbox ? t("descriptionSandbox") : t("descriptionReal")}</p>
      </header>
      <Button variant="secondary" onClick={send} disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? <Outcome result={result} /> : null}
    </section>
  );
}
