"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { eventStatusView } from "@/lib/events/event-status";
import type { TestEventView } from "@/lib/integrations/test-event";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { RecordLinks } from "@/components/events/record-links";
import { StatusBadge } from "@/components/events/status-badge";
import { useServerAction } from "@/components/use-action-error";
import { sendTestEventAction } from "../actions";

function Outcome({ result }: { result: TestEventView }) {
  const t = useTranslations("wizard.testEvent");
  const tReasons = useTranslations("events.reasons");
  if (!result.eventId) return <Alert tone="error">{t("notStored", { status: result.httpStatus })}</Alert>;
  // Receiver reasons are codes; worker errors are already sentences (as on the event's page).
  const reason =
    result.statusReason && (tReasons.has(result.statusReason) ? tReasons(result.statusReason) : result.statusReason);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm" data-testid="test-event-outcome">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge view={eventStatusView({ status: result.status, deliveries: 1, job: null })} />
        <Link href={`/events/${result.eventId}`} className="text-brand-700 underline-offset-2 hover:underline">
          {t("openEvent")}
        </Link>
      </div>
      {reason ? <p className="text-slate-700">{reason}</p> : null}
      {result.status === "done" || result.records.length > 0 ? (
        <RecordLinks records={result.records} emptyText={t("noRecords")} />
      ) : null}
      {result.status === "received" || result.status === "processing" ? (
        <p className="text-slate-600">{t("stillProcessing")}</p>
      ) : null}
    </div>
  );
}

/** "Enviar evento de teste": the bundled chat through the real URL and worker, its outcome shown in place. */
export function TestEventPanel({ integrationId, isSandbox }: { integrationId: string; isSandbox: boolean }) {
  const t = useTranslations("wizard.testEvent");
  const router = useRouter();
  const [result, setResult] = useState<TestEventView | null>(null);
  const { run, pending, error } = useServerAction();

  const send = () =>
    run(
      () => {
        setResult(null);
        return sendTestEventAction(integrationId);
      },
      (answer) => {
        setResult(answer);
        router.refresh();
      },
    );

  return (
    <Card
      id="test-event-heading"
      title={t("title")}
      description={isSandbox ? t("descriptionSandbox") : t("descriptionReal")}
    >
      <Button variant="secondary" onClick={send} disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? <Outcome result={result} /> : null}
    </Card>
  );
}
