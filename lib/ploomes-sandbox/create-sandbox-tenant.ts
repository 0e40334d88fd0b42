import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { seedSandboxTenant } from "./seed-sandbox-tenant";

// Seeding writes a few dozen rows; the transaction keeps a half-seeded tenant from ever being visible.
export const SEED_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

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
