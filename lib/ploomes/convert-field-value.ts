import type { OtherPropertyInput } from "./input-schemas";

export type FieldType = { nativeType: string; optionsTableId?: number | null };

/** Parses numbers as Brazilians and machines write them: "1.234,56", "1234.56", "R$ 40". */
export function parseNumber(value: string | number): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  let text = value.replace(/[^\d,.-]/g, "");
  if (!text || !/\d/.test(text)) return null;
  if (text.includes(",")) text = text.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

const TRUE = new Set(["true", "1", "sim", "yes", "s", "y", "positive", "positiva"]);
const FALSE = new Set(["false", "0", "não", "nao", "no", "n", "negative", "negativa"]);

/**
 * A JivoChat value as a Ploomes custom-field value: the property named after the field's native type.
 * Returns null when the value cannot be represented (the caller records a warning and skips the field).
 */
export function toOtherProperty(fieldKey: string, type: FieldType, value: string | number): OtherPropertyInput | null {
  const text = String(value);
  switch (type.nativeType) {
    case "String":
      return { FieldKey: fieldKey, StringValue: text.slice(0, 4000) };
    case "BigString":
      return { FieldKey: fieldKey, BigStringValue: text };
    case "Integer": {
      const number = parseNumber(value);
      return number !== null && Number.isInteger(number) ? { FieldKey: fieldKey, IntegerValue: number } : null;
    }
    case "Decimal": {
      const number = parseNumber(value);
      return number === null ? null : { FieldKey: fieldKey, DecimalValue: number };
    }
    case "DateTime": {
      const date = typeof value === "number" ? new Date(value * (value < 1e12 ? 1000 : 1)) : new Date(text);
      return Number.isNaN(date.getTime()) ? null : { FieldKey: fieldKey, DateTimeValue: date.toISOString() };
    }
    case "Bool": {
      const normalized = text.trim().toLowerCase();
      if (TRUE.has(normalized)) return { FieldKey: fieldKey, BoolValue: true };
      if (FALSE.has(normalized)) return { FieldKey: fieldKey, BoolValue: false };
      return null;
    }
    default:
      return null;
  }
}

/** Which JivoChat value types can feed a Ploomes native type (the wizard flags the rest per row). */
export function canConvert(valueType: string, nativeType: string): boolean {
  if (nativeType === "String" || nativeType === "BigString") return true;
  if (nativeType === "Integer" || nativeType === "Decimal") return valueType === "number" || valueType === "string";
  if (nativeType === "DateTime") return valueType === "datetime" || valueType === "string";
  if (nativeType === "Bool") return valueType === "string" || valueType === "number";
  return false;
}
