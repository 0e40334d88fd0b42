import { describe, expect, it } from "vitest";
import { parseNumber, toOtherProperty } from "./convert-field-value";

describe("toOtherProperty", () => {
  it.each([
    ["String", "black_friday", { StringValue: "black_friday" }],
    ["BigString", "linha 1\nlinha 2", { BigStringValue: "linha 1\nlinha 2" }],
    ["Integer", "40", { IntegerValue: 40 }],
    ["Integer", 918273645, { IntegerValue: 918273645 }],
    ["Decimal", "1.234,56", { DecimalValue: 1234.56 }],
    ["Decimal", "R$ 40", { DecimalValue: 40 }],
    ["DateTime", "2025-11-24T16:00:00Z", { DateTimeValue: "2025-11-24T16:00:00.000Z" }],
    ["Bool", "sim", { BoolValue: true }],
    ["Bool", "negative", { BoolValue: false }],
  ] as const)("%s ← %j", (nativeType, value, expected) => {
    expect(toOtherProperty("contact_x", { nativeType }, value)).toEqual({ FieldKey: "contact_x", ...expected });
  });

  it.each([
    ["Integer", "quarenta"],
    ["Integer", "4.5"],
    ["Decimal", "abc"],
    ["DateTime", "ontem"],
    ["Bool", "talvez"],
    ["Unknown", "x"],
  ])("%s cannot take %j", (nativeType, value) => {
    expect(toOtherProperty("contact_x", { nativeType }, value)).toBeNull();
  });

  it("reads Brazilian and machine number formats", () => {
    expect(parseNumber("12.000")).toBe(12000);
    expect(parseNumber("12,5")).toBe(12.5);
    expect(parseNumber("1234.56")).toBe(1234.56);
    expect(parseNumber("")).toBeNull();
  });
});
