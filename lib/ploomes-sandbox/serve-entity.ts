import { type EntitySet, findEntitySet } from "./entity-sets";
import { readJsonBody, requestOrigin, SANDBOX_API_PATH, SandboxError, sandboxJson } from "./http";
import { parseODataQuery } from "./odata/options";
import { queryRecords, shapeRecord } from "./read-records";
import { deleteStoredRecord, findEntityRecord } from "./record-store";
import { createRecord, updateRecord } from "./write-record";

// The OData resource a request names, and its answer: list, read, create, update or delete one entity set's
// records, in Ploomes' shapes.

function notAllowed(entity: EntitySet, id: number | null): SandboxError {
  const allow = !entity.write ? "GET" : id === null ? "GET, POST" : "GET, PATCH, DELETE";
  return new SandboxError(405, `This method is not supported on ${entity.name}${id === null ? "" : "(id)"}.`, {
    Allow: allow,
  });
}

/** The OData part of a request, once the tenant is known and allowed through: list, read, create, update, delete. */
export async function serveEntityRequest(
  request: Request,
  tenantId: string,
  segments: readonly string[],
): Promise<Response> {
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
    return sandboxJson(200, {
      "@odata.context": `${context}/$entity`,
      ...(await shapeRecord(tenantId, entity, record, query)),
    });
  }
  if (request.method === "POST" && id === null) {
    const created = await createRecord(tenantId, entity, await readJsonBody(request));
    return sandboxJson(200, {
      "@odata.context": context,
      value: [await shapeRecord(tenantId, entity, created, query)],
    });
  }
  if (request.method === "PATCH" && id !== null) {
    const updated = await updateRecord(tenantId, entity, id, await readJsonBody(request));
    return sandboxJson(200, {
      "@odata.context": context,
      value: [await shapeRecord(tenantId, entity, updated, query)],
    });
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
