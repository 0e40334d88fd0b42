import type { OtherPropertyInput } from "@/lib/ploomes/input-schemas";
import type { OtherProperty } from "@/lib/ploomes/schemas";

const TEXT_KEYS = ["StringValue", "BigStringValue"] as const;

/**
 * What a later chat writes onto the visitor's reused lead: text values are appended to what the lead holds (its
 * first message is kept, the new one follows), other values replace theirs. A value the lead already holds is not
 * sent again, so a retried update changes nothing.
 */
export function mergeLeadValues(current: OtherProperty[], incoming: OtherPropertyInput[]): OtherPropertyInput[] {
  const byKey = new Map(current.map((property) => [property.FieldKey, property]));
  const patch: OtherPropertyInput[] = [];
  for (const property of incoming) {
    const existing = byKey.get(property.FieldKey);
    const textKey = TEXT_KEYS.find((key) => typeof property[key] === "string");
    if (textKey) {
      const next = property[textKey] as string;
      const held = existing?.[textKey];
      if (typeof held === "string" && held.includes(next)) continue;
      patch.push({ FieldKey: property.FieldKey, [textKey]: typeof held === "string" && held.trim() ? `${held}\n\n${next}` : next });
      continue;
    }
    const valueKey = Object.keys(property).find((key) => key !== "FieldKey") as keyof OtherPropertyInput | undefined;
    if (valueKey && existing && existing[valueKey as keyof OtherProperty] === property[valueKey]) continue;
    patch.push(property);
  }
  return patch;
}
