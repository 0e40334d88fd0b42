import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { requirePageUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { sandboxApiUrl } from "@/lib/integrations/connect-sandbox";
import { loadSandboxOverview, selectSandboxTenant } from "@/lib/ploomes-sandbox";
import { ContactsSection } from "./contacts-section";
import { CopyField } from "@/components/integrations/copy-field";
import { CreateSandboxButton } from "./create-sandbox-button";
import { DealsSection } from "./deals-section";
import { InteractionsSection } from "./interactions-section";
import { LeadsSection } from "./leads-section";
import { TenantPicker } from "./tenant-picker";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata() {
  return { title: (await getTranslations("sandbox"))("title") };
}

export default async function SandboxPage({ searchParams }: { searchParams: SearchParams }) {
  const { db, user } = await requirePageUser();
  const t = await getTranslations("sandbox");
  const isAdmin = user.role === "admin";
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!env.SANDBOX_ENABLED) {
    return (
      <div className="space-y-6">
        {header}
        <Alert tone="warning">{t("disabled")}</Alert>
      </div>
    );
  }

  const [tenants, params] = await Promise.all([
    db.sandboxTenant.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, rateLimit: true, errorRate: true, rateLimitRate: true, latencyMs: true },
    }),
    searchParams,
  ]);
  const baseUrl = sandboxApiUrl();
  const tenant = await selectSandboxTenant(tenants, { tenant: first(params.tenant), record: first(params.record) });
  if (!tenant) {
    return (
      <div className="space-y-6">
        {header}
        <section
          aria-labelledby="sandbox-empty"
          className="max-w-3xl space-y-4 rounded-xl border border-slate-200 bg-white p-6"
        >
          <h2 id="sandbox-empty" className="text-lg font-semibold">
            {t("emptyTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("emptyText")}</p>
          {isAdmin ? (
            <CreateSandboxButton baseUrl={baseUrl} />
          ) : (
            <p className="text-sm text-slate-600">{t("emptyMemberText")}</p>
          )}
        </section>
      </div>
    );
  }

  const overview = await loadSandboxOverview(tenant.id);
  const sections = [
    ["sandbox-contacts", t("sections.contacts"), overview.contacts.total],
    ["sandbox-deals", t("sections.deals"), overview.deals.total],
    ["sandbox-leads", t("sections.leads"), overview.leads.total],
    ["sandbox-interactions", t("sections.interactions"), overview.interactions.total],
  ] as const;
  return (
    <div className="space-y-8">
      {header}
      <section aria-label={t("connection")} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        {tenants.length > 1 ? (
          <TenantPicker tenants={tenants.map(({ id, name }) => ({ id, name }))} selectedId={tenant.id} />
        ) : null}
        <CopyField id="sandbox-base-url" label={t("baseUrlLabel")} value={baseUrl} />
        <p className="text-sm text-slate-600">{t("baseUrlHint")}</p>
        <p className="text-xs text-slate-500">
          {t("limits", {
            rateLimit: tenant.rateLimit,
            errorRate: Math.round(tenant.errorRate * 100),
            rateLimitRate: Math.round(tenant.rateLimitRate * 100),
            latencyMs: tenant.latencyMs,
          })}
        </p>
        {isAdmin ? <CreateSandboxButton baseUrl={baseUrl} another /> : null}
      </section>
      <nav aria-label={t("sectionsLabel")} className="flex flex-wrap gap-2 text-sm">
        {sections.map(([id, label, total]) => (
          <a
            key={id}
            href={`#${id}`}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-50"
          >
            {label} ({total})
          </a>
        ))}
      </nav>
      <ContactsSection listing={overview.contacts} />
      <DealsSection listing={overview.deals} />
      <LeadsSection listing={overview.leads} />
      <InteractionsSection listing={overview.interactions} />
    </div>
  );
}
