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
