import type { SandboxRecordData } from "./static-catalogs";

type ValueByKey = { FieldKey: string };

/**
 * A PATCH applied to a stored record: given properties replace the stored ones (Phones included, as a whole),
 * except OtherProperties, which change field by field — a PATCH that sets one custom field keeps the others.
 */
export function mergeRecord(existing: SandboxRecordData, patch: SandboxRecordData): SandboxRecordData {
  const merged = { ...existing, ...patch };
  if (Array.isArray(patch.OtherProperties) && Array.isArray(existing.OtherProperties)) {
    const byKey = new Map<string, unknown>();
    for (const item of existing.OtherProperties as ValueByKey[]) byKey.set(item.FieldKey, item);
    for (const item of patch.OtherProperties as ValueByKey[]) byKey.set(item.FieldKey, item);
    merged.OtherProperties = [...byKey.values()];
  }
  return merged;
}
