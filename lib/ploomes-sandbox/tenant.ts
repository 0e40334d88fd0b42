import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { deleteTenantRecords } from "./record-store";
import { seedSandboxTenant } from "./tenant-seed";

// A sandbox tenant stands for one Ploomes account: created with its seed, reset to it, found by its key, and
// picked for the Sandbox page.

// Seeding writes a few dozen rows; the transaction keeps a half-seeded tenant from ever being visible.
const SEED_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

/**
 * A new sandbox tenant with its seed data. The key (`sbx_…`) is returned once and only its hash is stored,
 * like a Ploomes integration user's key it cannot be shown again. Fault settings start at the env defaults.
 */
export async function createSandboxTenant({
  accountId = null,
  name,
}: {
  accountId?: string | null;
  name: string;
}): Promise<{ tenantId: string; apiKey: string }> {
  const apiKey = `sbx_${randomToken()}`;
  const tenantId = await systemDb.$transaction(async (tx) => {
    const tenant = await tx.sandboxTenant.create({
      data: {
        accountId,
        name,
        apiKeyHash: hashToken(apiKey),
        rateLimit: env.SANDBOX_RATE_LIMIT,
        errorRate: env.SANDBOX_ERROR_RATE,
        latencyMs: env.SANDBOX_LATENCY_MS,
      },
      select: { id: true },
    });
    await seedSandboxTenant(tenant.id, name, tx);
    return tenant.id;
  }, SEED_TRANSACTION);
  return { tenantId, apiKey };
}

/** Back to a fresh tenant: every record replaced by the seed and the rate-limit window emptied. Faults stay. */
export async function resetSandboxTenant(tenantId: string): Promise<void> {
  await systemDb.$transaction(async (tx) => {
    const tenant = await tx.sandboxTenant.update({
      where: { id: tenantId },
      data: { windowCount: 0, windowStart: new Date() },
      select: { name: true },
    });
    await deleteTenantRecords(tenantId, tx);
    await seedSandboxTenant(tenantId, tenant.name, tx);
  }, SEED_TRANSACTION);
}

export type AuthenticatedTenant = {
  id: string;
  errorRate: number;
  rateLimitRate: number;
  latencyMs: number;
  faultSchedule: string | null;
};

/** The tenant whose key is in the `User-Key` header, as with Ploomes; null when there is none or it is unknown. */
export async function authenticateTenant(request: Request): Promise<AuthenticatedTenant | null> {
  const key = request.headers.get("user-key")?.trim();
  if (!key) return null;
  return systemDb.sandboxTenant.findUnique({
    where: { apiKeyHash: hashToken(key) },
    select: { id: true, errorRate: true, rateLimitRate: true, latencyMs: true, faultSchedule: true },
  });
}

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
