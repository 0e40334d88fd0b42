import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sleep } from "@/lib/ploomes/pacer";
import { type AuthenticatedTenant, authenticateTenant } from "./authenticate-tenant";
import { consumeRateLimit } from "./consume-rate-limit";
import { FAULT_OF, pickFault, type Fault, type ScheduledAnswer } from "./pick-fault";
import { sandboxErrorResponse, toSandboxErrorResponse } from "./sandbox-response";
import { serveEntityRequest } from "./serve-entity-request";

// An injected 429 says when to come back, briefly: it stands for a burst, not for a spent minute.
const INJECTED_RETRY_AFTER_SECONDS = "1";

/**
 * The fault for this request: the schedule's next entry while it lasts (one UPDATE takes the position, so
 * concurrent requests — any process — each get their own entry), then the rates.
 */
async function nextFault(tenant: AuthenticatedTenant): Promise<Fault | null> {
  if (tenant.faultSchedule) {
    const [row] = await systemDb.$queryRaw<{ faultPosition: number; faultSchedule: string | null }[]>`
      UPDATE "SandboxTenant" SET "faultPosition" = "faultPosition" + 1
      WHERE "id" = ${tenant.id}
      RETURNING "faultPosition", "faultSchedule"`;
    const schedule = row?.faultSchedule ? (JSON.parse(row.faultSchedule) as ScheduledAnswer[]) : [];
    const answer = row ? schedule[row.faultPosition - 1] : undefined;
    if (answer) return FAULT_OF[answer];
  }
  return pickFault(tenant);
}

/**
 * The sandbox's Ploomes API, `segments` being the path after `/sandbox/ploomes/api`. In order: the key, the
 * tenant's added latency, its per-minute window, its injected faults, then the OData request itself.
 * Shared by the route handler and the test HTTP server.
 */
export async function handleSandboxRequest(request: Request, segments: string[]): Promise<Response> {
  if (!env.SANDBOX_ENABLED) return sandboxErrorResponse(404, "Not found.");
  try {
    const tenant = await authenticateTenant(request);
    if (!tenant) return sandboxErrorResponse(401, "Unauthorized");
    if (tenant.latencyMs > 0) await sleep(tenant.latencyMs);
    const window = await consumeRateLimit(tenant.id);
    if (!window.allowed) {
      return sandboxErrorResponse(429, "Too many requests: the limit per minute was reached.", {
        "Retry-After": String(window.retryAfterSeconds),
      });
    }
    const fault = await nextFault(tenant);
    if (fault === "rate_limited") {
      return sandboxErrorResponse(429, "Too many requests (injected by the sandbox).", { "Retry-After": INJECTED_RETRY_AFTER_SECONDS });
    }
    if (fault === "server_error") return sandboxErrorResponse(500, "Internal server error (injected by the sandbox).");
    return await serveEntityRequest(request, tenant.id, segments);
  } catch (error) {
    return toSandboxErrorResponse(error);
  }
}
