import { parseODataQuery } from "./odata/parse-query";
import { type EntitySet, findEntitySet } from "./entity-sets";
import { findEntityRecord } from "./load-entity-records";
import { parseSandboxPath } from "./parse-sandbox-path";
import { queryRecords, shapeRecord } from "./read-records";
import { readJsonBody } from "./read-json-body";
import { requestOrigin } from "./request-origin";
import { SANDBOX_API_PATH } from "./sandbox-paths";
import { SandboxError } from "./sandbox-error";
import { sandboxJson } from "./sandbox-response";
import { deleteStoredRecord } from "./sandbox-store";
import { createRecord, updateRecord } from "./write-record";

function notAllowed(entity: EntitySet, id: number | null): SandboxError {
  const allow = !entity.write ? "GET" : id === null ? "GET, POST" : "GET, PATCH, DELETE";
  return new SandboxError(405, `This method is not supported on ${entity.name}${id === null ? "" : "(id)"}.`, { Allow: allow });
}

/** The OData part of a request, once the tenant is known and allowed through: list, read, create, update, delete. */
export async function serveEntityRequest(request: Request, tenantId: string, segments: readonly string[]): Promise<Response> {
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
