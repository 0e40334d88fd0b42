import { describe, expect, it } from "vitest";
import { mergeRecord } from "./merge-record";

const stored = {
  Id: 7,
  Name: "Mariana",
  Phones: [{ PhoneNumber: "(11) 91234-5678" }],
  OtherProperties: [
    { FieldKey: "a", StringValue: "x" },
    { FieldKey: "b", IntegerValue: 1 },
  ],
};

describe("mergeRecord", () => {
  it("replaces the given properties and keeps the others", () => {
    expect(mergeRecord(stored, { Name: "Mariana Souza", Email: "m@x.com" })).toEqual({ ...stored, Name: "Mariana Souza", Email: "m@x.com" });
  });

  it("replaces Phones as a whole", () => {
    expect(mergeRecord(stored, { Phones: [] }).Phones).toEqual([]);
  });

  it("changes custom fields one by one, keeping their order", () => {
    const merged = mergeRecord(stored, { OtherProperties: [{ FieldKey: "b", IntegerValue: 2 }, { FieldKey: "c", BoolValue: true }] });
    expect(merged.OtherProperties).toEqual([
      { FieldKey: "a", StringValue: "x" },
      { FieldKey: "b", IntegerValue: 2 },
      { FieldKey: "c", BoolValue: true },
    ]);
  });

  it("does not touch the stored record", () => {
    mergeRecord(stored, { Name: "Outro", OtherProperties: [{ FieldKey: "a", StringValue: "y" }] });
    expect(stored.Name).toBe("Mariana");
    expect(stored.OtherProperties[0]).toEqual({ FieldKey: "a", StringValue: "x" });
  });
});
