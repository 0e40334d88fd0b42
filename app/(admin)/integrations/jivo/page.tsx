import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { listSilentIntegrations } from "@/lib/integrations/health";
import { PageHeader } from "@/components/page-header";
import { ConnectorLogo } from "@/components/integrations/connector-logo";
import { StateBadge } from "@/components/integrations/state-badge";
import { EnableIntegrationButton } from "./enable-integration-button";

export async function generateMetadata() {
  return { title: (await getTranslations("integrations"))("jivo.title") };
}

export default async function JivoIntegrationsPage() {
  const { db, user } = await requirePageUser();
  const [integrations, silent, t, format] = await Promise.all([
    listIntegrations(db, "jivo"),
    listSilentIntegrations(db, "jivo"),
    getTranslations("integrations"),
    getFormatter(),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-500">
        <Link href="/integrations" className="hover:text-slate-900 hover:underline">
          {t("catalogue.breadcrumb")}
        </Link>{" "}
        › Jivo
      </nav>
      <div className="flex items-center gap-4">
        <ConnectorLogo initials="J" size="lg" />
        <div className="flex-1">
          <PageHeader
            title={t("jivo.title")}
            description={t("jivo.description")}
            actions={user.role === "admin" ? <EnableIntegrationButton /> : undefined}
          />
        </div>
      </div>

      <section aria-labelledby="jivo-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="jivo-list" className="sr-only">
          {t("jivo.listTitle")}
        </h2>
        {integrations.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">
            {user.role === "admin" ? t("jivo.emptyAdmin") : t("jivo.emptyMember")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-3">{t("jivo.columns.name")}</th>
                  <th className="px-4 py-3">{t("jivo.columns.state")}</th>
                  <th className="px-4 py-3">{t("jivo.columns.lastEvent")}</th>
                  <th className="px-4 py-3">{t("jivo.columns.channels")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {integrations.map((integration) => (
                  <tr key={integration.id} data-testid={`integration-row-${integration.id}`}>
                    <td className="px-4 py-3 font-medium">
                      <Link href={`/integrations/jivo/${integration.id}`} className="text-brand-700 hover:underline">
                        {integration.name}
                      </Link>
                      {integration.state === "error" && integration.flaggedReason ? (
                        <p className="mt-1 text-xs font-normal text-red-700">{integration.flaggedReason}</p>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      <StateBadge state={integration.state} />
                      {silent.has(integration.id) ? (
                        <span className="ml-1 inline-flex whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="silent-badge">
                          {t("jivo.silentBadge", { hours: silent.get(integration.id)! })}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 text-slate-600">
                      {integration.lastEventAt ? (
                        <time dateTime={integration.lastEventAt.toISOString()} title={format.dateTime(integration.lastEventAt, { dateStyle: "short", timeStyle: "medium" })}>
                          {format.relativeTime(integration.lastEventAt, now)}
                        </time>
                      ) : (
                        t("jivo.neverReceived")
                      )}
                    </td>
                    <td className="px-4 py-3 text-slate-600">
                      {integration.widgetIds.length === 0 ? t("jivo.allChannels") : <span className="font-mono text-xs">{integration.widgetIds.join(", ")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
