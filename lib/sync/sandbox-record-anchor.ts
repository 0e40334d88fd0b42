// Beside the record links that point at these rows rather than in lib/ploomes-sandbox: the event log must not
// depend on the sandbox, and the Sandbox page takes its row anchors from here.

/** Entity sets the Sandbox page lists, each row under an anchor other pages can link to. */
export type SandboxListedEntity = "Contacts" | "Deals" | "Leads" | "InteractionRecords";

const LIST_NAMES: Record<SandboxListedEntity, string> = {
  Contacts: "contacts",
  Deals: "deals",
  Leads: "leads",
  InteractionRecords: "interactions",
};

/** The id of a record's row on the Sandbox page, e.g. `sandbox-deals-42`. */
export function sandboxRecordAnchor(entity: SandboxListedEntity, id: number): string {
  return `sandbox-${LIST_NAMES[entity]}-${id}`;
}

/**
 * A link to a record's row. An account may have several sandboxes; `record` lets the page open the one that
 * holds this Id (Ids are unique across sandboxes), where a bare `/sandbox#…` would show the newest.
 */
export function sandboxRecordHref(entity: SandboxListedEntity, id: number): string {
  return `/sandbox?record=${id}#${sandboxRecordAnchor(entity, id)}`;
}
