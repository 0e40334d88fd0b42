import { hashToken } from "@/lib/crypto/tokens";
import { systemDb } from "@/lib/db/client";

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
