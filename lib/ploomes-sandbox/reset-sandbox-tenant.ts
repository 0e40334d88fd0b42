import { systemDb } from "@/lib/db/client";
import { SEED_TRANSACTION } from "./create-sandbox-tenant";
import { deleteTenantRecords } from "./sandbox-store";
import { seedSandboxTenant } from "./seed-sandbox-tenant";

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
