import { useTranslations } from "next-intl";
import type { AgentAnswerRecord } from "@/lib/agent-lookup/agent-answer-record";

/**
 * What JivoChat was told to show the agent for a chat_accepted / chat_updated: the Ploomes client, deal and link,
 * or why nothing was shown. `compact` is the event log's row; the detail page shows the rest.
 */
export function AgentAnswerSummary({ answer, compact = false }: { answer: AgentAnswerRecord; compact?: boolean }) {
  const t = useTranslations("events.agentAnswer");
  if (!answer.shown) {
    return (
      <p className="text-xs text-slate-600" data-testid="agent-answer">
        {t("nothing", { reason: t(`reasons.${answer.reason}`) })}
        {!compact && answer.error ? (
          <span className="mt-0.5 block break-words text-slate-500">{answer.error}</span>
        ) : null}
      </p>
    );
  }
  const person = answer.person.name ?? `#${answer.person.id}`;
  const external = !answer.link.startsWith("/");
  return (
    <div className="text-xs text-slate-600" data-testid="agent-answer">
      <p>
        {answer.deal
          ? t("shownWithDeal", { person, deal: answer.deal.title ?? `#${answer.deal.id}` })
          : t("shown", { person })}
      </p>
      {!compact ? (
        <>
          {answer.contactInfo.length > 0 ? (
            <p>{t("contactInfo", { fields: answer.contactInfo.map((field) => t(`fields.${field}`)).join(", ") })}</p>
          ) : null}
          <p>{answer.cached ? t("timingCached", { ms: answer.ms }) : t("timing", { ms: answer.ms })}</p>
        </>
      ) : null}
      {answer.link ? (
        <a
          href={answer.link}
          className="text-brand-700 underline-offset-2 hover:underline"
          {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
        >
          {t("link")}
        </a>
      ) : null}
    </div>
  );
}
