import { describe, expect, it } from "vitest";
import { checkOtherProperties } from "./record-checks";

const fields = [
  { Key: "contact_name", Name: "Nome", EntityId: 1, TypeId: 1, Dynamic: false, PropertyName: "Name" },
  { Key: "contact_A", Name: "Origem", EntityId: 1, TypeId: 1, Dynamic: true },
  { Key: "contact_B", Name: "Funcionários", EntityId: 1, TypeId: 3, Dynamic: true },
  { Key: "contact_C", Name: "Aceita ofertas", EntityId: 1, TypeId: 6, Dynamic: true },
  { Key: "deal_A", Name: "Página", EntityId: 2, TypeId: 1, Dynamic: true },
];

describe("checkOtherProperties", () => {
  it("accepts values in the property of each field's native type, and nulls", () => {
    expect(
      checkOtherProperties(
        [
          { FieldKey: "contact_A", StringValue: "Google" },
          { FieldKey: "contact_B", IntegerValue: 3, StringValue: null },
          { FieldKey: "contact_C", BoolValue: false },
        ],
        fields,
        1,
      ),
    ).toBeNull();
    expect(checkOtherProperties([], fields, 1)).toBeNull();
  });

  it("refuses unknown fields and fields of another entity", () => {
    expect(checkOtherProperties([{ FieldKey: "contact_X", StringValue: "x" }], fields, 1)).toMatch(
      /contact_X does not exist for Cliente/,
    );
    expect(checkOtherProperties([{ FieldKey: "deal_A", StringValue: "x" }], fields, 1)).toMatch(
      /deal_A does not exist/,
    );
    expect(checkOtherProperties([{ FieldKey: "deal_A", StringValue: "x" }], fields, 2)).toBeNull();
  });

  it("refuses a native field, naming the record property it is written to", () => {
    expect(checkOtherProperties([{ FieldKey: "contact_name", StringValue: "Ana" }], fields, 1)).toBe(
      'OtherProperties: contact_name ("Nome") is a native field of Cliente; send it as the record\'s property Name.',
    );
  });

  it("refuses a value in the wrong property, naming the right one", () => {
    expect(checkOtherProperties([{ FieldKey: "contact_B", StringValue: "3" }], fields, 1)).toBe(
      'OtherProperties: the field contact_B ("Funcionários") is Integer; send its value in IntegerValue, not StringValue.',
    );
    expect(checkOtherProperties([{ FieldKey: "contact_C", BoolValue: true, IntegerValue: 1 }], fields, 1)).toMatch(
      /not IntegerValue/,
    );
  });

  it("refuses the same field twice", () => {
    const twice = [
      { FieldKey: "contact_A", StringValue: "a" },
      { FieldKey: "contact_A", StringValue: "b" },
    ];
    expect(checkOtherProperties(twice, fields, 1)).toMatch(/more than once/);
  });
});
