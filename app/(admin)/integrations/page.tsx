import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { CONNECTORS, listIntegrations } from "@/lib/integrations/list-integrations";
import { connectorState } from "@/lib/integration-model/integration";
import { PageHeader } from "@/components/page-header";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ConnectorCatalogue } from "./connector-catalogue";

export async function generateMetadata() {
  return { title: (await getTranslations("integrations"))("catalogue.title") };
}

export default async function IntegrationsPage() {
  const { db } = await requirePageUser();
  const [integrations, t] = await Promise.all([listIntegrations(db), getTranslations("integrations")]);
  const cards = CONNECTORS.map((connector) => ({
    ...connector,
    name: t(`connectors.${connector.id}.name`),
    description: t(`connectors.${connector.id}.description`),
    keywords: t(`connectors.${connector.id}.keywords`),
    state: connectorState(integrations.filter((row) => row.connector === connector.id).map((row) => row.state)),
  }));
  return (
    <div className="space-y-6">
      <Breadcrumb label={t("breadcrumb")} trail={[]} current={t("catalogue.breadcrumb")} />
      <PageHeader title={t("catalogue.title")} description={t("catalogue.description")} />
      <ConnectorCatalogue cards={cards} />
    </div>
  );
}
