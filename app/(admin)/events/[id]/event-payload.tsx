import { useFormatter, useTranslations } from "next-intl";
import type { EventDetail } from "@/lib/events/event-log";
import { CopyButton } from "@/components/events/copy-button";
import { DetailSection } from "./detail-section";

type Props = Pick<EventDetail, "payload" | "purgedAt" | "retentionDays">;

/** The body JivoChat sent, as text (React escapes it: a `<script>` in a name stays a string). */
export function EventPayload({ payload, purgedAt, retentionDays }: Props) {
  const t = useTranslations("events.detail");
  const format = useFormatter();
  return (
    <DetailSection id="event-payload" title={t("payload")}>
      {payload === null ? (
        <p className="text-sm text-slate-600" data-testid="payload-purged">
          {purgedAt
            ? t("payloadPurgedOn", { days: retentionDays, date: format.dateTime(purgedAt, { dateStyle: "short" }) })
            : t("payloadPurged", { days: retentionDays })}
        </p>
      ) : (
        <div className="space-y-2">
          <CopyButton text={payload} label={t("copyPayload")} />
          <pre
            className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100"
            data-testid="event-payload"
          >
            {payload}
          </pre>
        </div>
      )}
    </DetailSection>
  );
}
