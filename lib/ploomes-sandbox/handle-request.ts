import { env } from "@/lib/env";
import { type EntitySet, findEntitySet } from "./entity-sets";
import { consumeRateLimit, nextFault, sandboxFaultsSchema, setSandboxFaults } from "./faults";
import {
  readJsonBody,
  requestOrigin,
  SANDBOX_API_PATH,
  SandboxError,
  sandboxErrorResponse,
  sandboxJson,
  toSandboxErrorResponse,
} from "./http";
import { parseODataQuery } from "./odata/options";
import { queryRecords, shapeRecord } from "./read-records";
import { deleteStoredRecord, findEntityRecord } from "./record-store";
import { authenticateTenant, resetSandboxTenant } from "./tenant";
import { createRecord, updateRecord } from "./write-record";

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
      return sandboxErrorResponse(429, "Too many requests (injected by the sandbox).", { "Retry-After": INJECTED_RETRY_AFTER_SECONDS });
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

function notAllowed(entity: EntitySet, id: number | null): SandboxError {
  const allow = !entity.write ? "GET" : id === null ? "GET, POST" : "GET, PATCH, DELETE";
  return new SandboxError(405, `This method is not supported on ${entity.name}${id === null ? "" : "(id)"}.`, { Allow: allow });
}

/** The OData part of a request, once the tenant is known and allowed through: list, read, create, update, delete. */
async function serveEntityRequest(request: Request, tenantId: string, segments: readonly string[]): Promise<Response> {
  const path = parseSandboxPath(segments);
  const entity = path ? findEntitySet(path.entity) : null;
  if (!path || !entity) throw new SandboxError(404, `No resource found at /${segments.join("/")}.`);
  const { id } = path;
  const url = new URL(request.url);
  const query = parseODataQuery(url.searchParams);
  const context = `${requestOrigin(request)}${SANDBOX_API_PATH}/$metadata#${entity.name}`;
  const missing = () => new SandboxError(404, `${entity.name}(${id}) does not exist.`);

  if (request.method === "GET" && id === null) {
    const result = await queryRecords(tenantId, entity, query);
    const count = query.count ? { "@odata.count": result.count } : {};
    return sandboxJson(200, { "@odata.context": context, ...count, value: result.value });
  }
  if (request.method === "GET" && id !== null) {
    const record = await findEntityRecord(tenantId, entity, id);
    if (!record) throw missing();
    return sandboxJson(200, { "@odata.context": `${context}/$entity`, ...(await shapeRecord(tenantId, entity, record, query)) });
  }
  if (request.method === "POST" && id === null) {
    const created = await createRecord(tenantId, entity, await readJsonBody(request));
    return sandboxJson(200, { "@odata.context": context, value: [await shapeRecord(tenantId, entity, created, query)] });
  }
  if (request.method === "PATCH" && id !== null) {
    const updated = await updateRecord(tenantId, entity, id, await readJsonBody(request));
    return sandboxJson(200, { "@odata.context": context, value: [await shapeRecord(tenantId, entity, updated, query)] });
  }
  if (request.method === "DELETE" && id !== null && entity.write) {
    if (!(await deleteStoredRecord(tenantId, entity.name, id))) throw missing();
    return new Response(null, { status: 204 });
  }
  throw notAllowed(entity, id);
}

// The resource of a request, from the path after the API base: `Contacts`, `Contacts(12)`, `Deals@Stages(3)`.

export type SandboxPath = { entity: string; id: number | null };

const RESOURCE = /^([A-Za-z]+(?:@[A-Za-z]+)?)(?:\((\d{1,10})\))?$/;
// Ids are 32-bit in Ploomes and in the sandbox's table alike.
const MAX_ID = 2_147_483_647;

/** Null when the path names no resource the sandbox could have (the answer is then a 404). */
export function parseSandboxPath(segments: readonly string[]): SandboxPath | null {
  if (segments.length !== 1) return null;
  const match = RESOURCE.exec(segments[0] ?? "");
  if (!match) return null;
  const [, entity = "", rawId] = match;
  if (rawId === undefined) return { entity, id: null };
  const id = Number(rawId);
  return id >= 1 && id <= MAX_ID ? { entity, id } : null;
}
