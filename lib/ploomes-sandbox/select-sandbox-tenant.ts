import { systemDb } from "@/lib/db/client";

/**
 * The tenant the Sandbox page shows, among the account's own (oldest first): the one asked for, else the one
 * holding `record` (deep links from other pages know a CRM Id, not the tenant), else the newest — the one an
 * integration was most likely just connected to.
 */
export async function selectSandboxTenant<T extends { id: string }>(
  tenants: T[],
  params: { tenant?: string; record?: string },
): Promise<T | null> {
  const asked = tenants.find((tenant) => tenant.id === params.tenant);
  if (asked) return asked;
  const recordId = Number(params.record);
  if (Number.isSafeInteger(recordId) && recordId > 0 && recordId <= 2_147_483_647 && tenants.length > 1) {
    const row = await systemDb.sandboxRecord.findFirst({
      where: { id: recordId, tenantId: { in: tenants.map((tenant) => tenant.id) } },
      select: { tenantId: true },
    });
    const owner = tenants.find((tenant) => tenant.id === row?.tenantId);
    if (owner) return owner;
  }
  return tenants.at(-1) ?? null;
}
