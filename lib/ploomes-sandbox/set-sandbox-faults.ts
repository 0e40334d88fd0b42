import { z } from "zod";
import { systemDb } from "@/lib/db/client";

export const sandboxFaultsSchema = z.strictObject({
  /** Share of requests answered 500, 0..1. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Share of requests answered 429 regardless of the window, 0..1. */
  rateLimitRate: z.number().min(0).max(1).optional(),
  /** Delay added to every request. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Requests per one-minute window (Ploomes: 120). */
  rateLimit: z.number().int().min(1).max(100_000).optional(),
});

export type SandboxFaults = z.input<typeof sandboxFaultsSchema>;
export type SandboxFaultSettings = Required<z.output<typeof sandboxFaultsSchema>>;

/**
 * Changes the given settings and keeps the others. A new `rateLimit` starts a fresh window, so a test that
 * lowers it counts from zero rather than from whatever the minute had already used.
 */
export async function setSandboxFaults(tenantId: string, faults: SandboxFaults): Promise<SandboxFaultSettings> {
  const settings = sandboxFaultsSchema.parse(faults);
  const window = settings.rateLimit === undefined ? {} : { windowCount: 0, windowStart: new Date() };
  return systemDb.sandboxTenant.update({
    where: { id: tenantId },
    data: { ...settings, ...window },
    select: { errorRate: true, rateLimitRate: true, latencyMs: true, rateLimit: true },
  });
}
