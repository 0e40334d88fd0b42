import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { listSilentIntegrations } from "@/lib/integrations/health";
import { PageHeader } from "@/components/page-header";
import { ConnectorLogo } from "@/components/integrations/connector-logo";
import { StateBadge } from "@/components/integrations/state-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { Cell, DataTable } from "@/components/ui/data-table";
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
      <Breadcrumb
        label={t("breadcrumb")}
        trail={[{ href: "/integrations", label: t("catalogue.breadcrumb") }]}
        current="Jivo"
      />
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

      <Card id="jivo-list" title={t("jivo.listTitle")} hideTitle className="">
        {integrations.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-600">
            {user.role === "admin" ? t("jivo.emptyAdmin") : t("jivo.emptyMember")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              columns={[
                t("jivo.columns.name"),
                t("jivo.columns.state"),
                t("jivo.columns.lastEvent"),
                t("jivo.columns.channels"),
              ]}
            >
              {integrations.map((integration) => (
                <tr key={integration.id} data-testid={`integration-row-${integration.id}`}>
                  <Cell className="font-medium">
                    <Link href={`/integrations/jivo/${integration.id}`} className="text-brand-700 hover:underline">
                      {integration.name}
                    </Link>
                    {integration.state === "error" && integration.flaggedReason ? (
                      <p className="mt-1 text-xs font-normal text-red-700">{integration.flaggedReason}</p>
                    ) : null}
                  </Cell>
                  <Cell>
                    <StateBadge state={integration.state} />
                    {silent.has(integration.id) ? (
                      <span
                        className="ml-1 inline-flex whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-200"
                        data-testid="silent-badge"
                      >
                        {t("jivo.silentBadge", { hours: silent.get(integration.id)! })}
                      </span>
                    ) : null}
                  </Cell>
                  <Cell className="text-slate-600">
                    {integration.lastEventAt ? (
                      <time
                        dateTime={integration.lastEventAt.toISOString()}
                        title={format.dateTime(integration.lastEventAt, { dateStyle: "short", timeStyle: "medium" })}
                      >
                        {format.relativeTime(integration.lastEventAt, now)}
                      </time>
                    ) : (
                      t("jivo.neverReceived")
                    )}
                  </Cell>
                  <Cell className="text-slate-600">
                    {integration.widgetIds.length === 0 ? (
                      t("jivo.allChannels")
                    ) : (
                      <span className="font-mono text-xs">{integration.widgetIds.join(", ")}</span>
                    )}
                  </Cell>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Card>
    </div>
  );
}
