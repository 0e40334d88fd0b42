import type { z } from "zod";
import type { EntitySet, WriteRules } from "./entity-sets";
import { SandboxError } from "./sandbox-error";
import type { SandboxRecordData } from "./static-catalogs";

// Properties the server owns: a client that sends a record back as it read it must not be refused for them.
const SERVER_OWNED = new Set(["Id", "CreateDate", "LastUpdateDate"]);

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(entity: EntitySet, body: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  if (issue.code === "unrecognized_keys") {
    const where = path ? `${entity.name} ${path}` : entity.name;
    return `The property '${issue.keys[0] ?? "?"}' does not exist on ${where}.`;
  }
  if (valueAt(body, issue.path) === undefined) return `The property '${path}' is required.`;
  return `Invalid value for '${path}': ${issue.message}`;
}

/** The body of a POST (`partial` false) or PATCH as record properties; a SandboxError 400 when invalid. */
export function parseRecordBody(entity: EntitySet, rules: WriteRules, body: unknown, partial: boolean): SandboxRecordData {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new SandboxError(400, "The request body must be a JSON object.");
  }
  const input = Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_OWNED.has(key)));
  const schema = partial ? rules.schema.partial() : rules.schema;
  const result = schema.safeParse(input);
  if (result.success) return result.data as SandboxRecordData;
  const [issue] = result.error.issues;
  throw new SandboxError(400, issue ? describeIssue(entity, input, issue) : "Invalid body.");
}
