import { env } from "@/lib/env";
import { authenticateTenant } from "./authenticate-tenant";
import { readJsonBody } from "./read-json-body";
import { resetSandboxTenant } from "./reset-sandbox-tenant";
import { sandboxErrorResponse, sandboxJson, toSandboxErrorResponse } from "./sandbox-response";
import { sandboxFaultsSchema, setSandboxFaults } from "./set-sandbox-faults";

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
