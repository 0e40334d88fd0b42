import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { requirePageUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

const logHref = (integrationId: string) => `/events?integration=${encodeURIComponent(integrationId)}&status=failed`;

const DELIVERY_TONES: Record<string, string> = {
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending: "bg-amber-50 text-amber-900 ring-amber-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  stored: "bg-slate-100 text-slate-700 ring-slate-300",
};
const pill =
  "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export default async function AlertsPage() {
  const { db, user } = await requirePageUser();
  const { open, messages } = await listAlerts(db);
  const t = await getTranslations("alerts");
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });
  const isAdmin = user.role === "admin";

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Alert tone={env.SMTP_URL ? "success" : "info"}>{env.SMTP_URL ? t("smtpOn") : t("smtpOff")}</Alert>

      <Section id="open-incidents" title={t("openTitle")}>
        {open.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneOpen")}</p>
        ) : (
          <ul className="space-y-2">
            {open.map((incident) => (
              <li
                key={incident.id}
                data-testid="open-incident"
                className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
              >
                <p className="font-medium">
                  {incident.integration.name} · {t(`kinds.${incident.kind}`)} ·{" "}
                  {t("since", { when: when(incident.openedAt) })}
                </p>
                <p className="mt-1">{incident.detail}</p>
                <Link
                  href={logHref(incident.integration.id)}
                  className="mt-1 inline-block font-medium underline underline-offset-2"
                >
                  {t("logLink")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="alert-messages" title={t("messagesTitle")}>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noMessages")}</p>
        ) : (
          <ul className="space-y-3">
            {messages.map((message) => (
              <li
                key={message.id}
                data-testid="alert-message"
                className="rounded-xl border border-slate-200 bg-white p-4 text-sm"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span
                    className={`${pill} ${message.type === "opened" ? "bg-red-50 text-red-800 ring-red-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}
                  >
                    {t(`types.${message.type}`)}
                  </span>
                  <span className="font-medium text-slate-900">
                    {message.incident.integration.name} · {t(`kinds.${message.incident.kind}`)}
                  </span>
                  <span className="text-slate-500">{when(message.createdAt)}</span>
                  <span className={`${pill} ${DELIVERY_TONES[message.delivery] ?? DELIVERY_TONES.stored}`}>
                    {t(`delivery.${message.delivery}`, {
                      count: message.recipients.length,
                      attempts: message.attempts,
                    })}
                  </span>
                </div>
                <p className="mt-2 text-slate-800">{message.incident.detail}</p>
                {isAdmin && message.recipients.length ? (
                  <p className="mt-1 text-xs text-slate-500">
                    {t("recipients", { list: message.recipients.join(", ") })}
                  </p>
                ) : null}
                {message.lastError && message.delivery !== "sent" ? (
                  <p className="mt-1 text-xs text-red-700">{t("lastError", { error: message.lastError })}</p>
                ) : null}
                <div className="mt-2 flex flex-wrap gap-4">
                  <Link
                    href={logHref(message.incident.integration.id)}
                    className="font-medium text-brand-700 underline underline-offset-2"
                  >
                    {t("logLink")}
                  </Link>
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-slate-600">{t("emailText")}</summary>
                  <p className="mt-2 font-medium">{message.subject}</p>
                  <pre className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-slate-700">
                    {message.body}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
