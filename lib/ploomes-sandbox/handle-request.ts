import { env } from "@/lib/env";
import { consumeRateLimit, nextFault, sandboxFaultsSchema, setSandboxFaults } from "./faults";
import { readJsonBody, sandboxErrorResponse, sandboxJson, toSandboxErrorResponse } from "./http";
import { serveEntityRequest } from "./serve-entity";
import { authenticateTenant, resetSandboxTenant } from "./tenant";

// The sandbox's two HTTP surfaces, shared by the route handlers and the test HTTP server: the Ploomes API
// (key, latency, rate limit, faults, then the OData resource) and its test-support endpoints.

// An injected 429 says when to come back, briefly: it stands for a burst, not for a spent minute.
const INJECTED_RETRY_AFTER_SECONDS = "1";

// The tenant's added latency. A plain timer: nothing aborts it, and the sandbox keeps clear of the Ploomes client.
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
      return sandboxErrorResponse(429, "Too many requests (injected by the sandbox).", {
        "Retry-After": INJECTED_RETRY_AFTER_SECONDS,
      });
    }
    if (fault === "server_error") return sandboxErrorResponse(500, "Internal server error (injected by the sandbox).");
    return await serveEntityRequest(request, tenant.id, segments);
  } catch (error) {
    return toSandboxErrorResponse(error);
  }
}

/**
 * Test support next to the API, authenticated with the tenant's own `User-Key` (`segments` follow
 * `/sandbox/admin`): `PUT tenants/faults` changes fault injection and the rate limit, `POST tenants/reset`
 * wipes and reseeds the tenant. Neither counts against the rate limit.
 */
export async function handleSandboxAdminRequest(request: Request, segments: string[]): Promise<Response> {
  if (!env.SANDBOX_ENABLED) return sandboxErrorResponse(404, "Not found.");
  try {
    const tenant = await authenticateTenant(request);
    if (!tenant) return sandboxErrorResponse(401, "Unauthorized");
    const route = `${request.method} ${segments.join("/")}`;
    if (route === "PUT tenants/faults") {
      const parsed = sandboxFaultsSchema.safeParse(await readJsonBody(request));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
        return sandboxErrorResponse(400, `Invalid fault settings (${issues.join("; ")}).`);
      }
      return sandboxJson(200, await setSandboxFaults(tenant.id, parsed.data));
    }
    if (route === "POST tenants/reset") {
      await resetSandboxTenant(tenant.id);
      return new Response(null, { status: 204 });
    }
    return sandboxErrorResponse(404, "Not found.");
  } catch (error) {
    return toSandboxErrorResponse(error);
  }
}
