import { z } from "zod";
import { systemDb } from "@/lib/db/client";
import type { ScheduledAnswer } from "./pick-fault";

export const sandboxFaultsSchema = z.strictObject({
  /** Share of requests answered 500, 0..1. */
  errorRate: z.number().min(0).max(1).optional(),
  /** Share of requests answered 429 regardless of the window, 0..1. */
  rateLimitRate: z.number().min(0).max(1).optional(),
  /** Delay added to every request. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Requests per one-minute window (Ploomes: 120). */
  rateLimit: z.number().int().min(1).max(100_000).optional(),
  /**
   * The answers to the next requests, one per request in arrival order, before the rates apply again (null or []
   * clears it). A test that builds it from a seed gets the same faults on every run.
   */
  schedule: z.array(z.enum(["500", "429", "ok"])).max(10_000).nullable().optional(),
});

export type SandboxFaults = z.input<typeof sandboxFaultsSchema>;
export type SandboxFaultSettings = Required<z.output<typeof sandboxFaultsSchema>>;

/**
 * Changes the given settings and keeps the others. A new `rateLimit` starts a fresh window, so a test that
 * lowers it counts from zero rather than from whatever the minute had already used.
 */
export async function setSandboxFaults(tenantId: string, faults: SandboxFaults): Promise<SandboxFaultSettings> {
  const { schedule, ...settings } = sandboxFaultsSchema.parse(faults);
  const window = settings.rateLimit === undefined ? {} : { windowCount: 0, windowStart: new Date() };
  // A new schedule starts at its first entry.
  const planned = schedule === undefined ? {} : { faultSchedule: schedule?.length ? JSON.stringify(schedule) : null, faultPosition: 0 };
  const { faultSchedule, faultPosition, ...saved } = await systemDb.sandboxTenant.update({
    where: { id: tenantId },
    data: { ...settings, ...window, ...planned },
    select: { errorRate: true, rateLimitRate: true, latencyMs: true, rateLimit: true, faultSchedule: true, faultPosition: true },
  });
  // What is left of the schedule.
  const left = faultSchedule ? (JSON.parse(faultSchedule) as ScheduledAnswer[]).slice(faultPosition) : [];
  return { ...saved, schedule: left.length ? left : null };
}
