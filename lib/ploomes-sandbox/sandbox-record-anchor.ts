/** Entity sets the Sandbox page lists, each row under an anchor other pages can link to. */
export type SandboxListedEntity = "Contacts" | "Deals" | "Leads" | "InteractionRecords";

/**
 * The id of a record's row on the Sandbox page: `/sandbox?tenant=<tenantId>#sandbox-Deals-42`. Ids are unique
 * across tenants, so `/sandbox?record=42#sandbox-Deals-42` also finds the right tenant.
 */
export function sandboxRecordAnchor(entity: SandboxListedEntity, id: number): string {
  return `sandbox-${entity}-${id}`;
}
