import { describe, expect, it } from "vitest";
import { phoneSearchCandidates, ploomesPhone } from "@/lib/phone/phone-candidates";
import { mergeRecord, searchPhoneNumber } from "./write-record";

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
    expect(mergeRecord(stored, { Name: "Mariana Souza", Email: "m@x.com" })).toEqual({
      ...stored,
      Name: "Mariana Souza",
      Email: "m@x.com",
    });
  });

  it("replaces Phones as a whole", () => {
    expect(mergeRecord(stored, { Phones: [] }).Phones).toEqual([]);
  });

  it("changes custom fields one by one, keeping their order", () => {
    const merged = mergeRecord(stored, {
      OtherProperties: [
        { FieldKey: "b", IntegerValue: 2 },
        { FieldKey: "c", BoolValue: true },
      ],
    });
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

describe("searchPhoneNumber", () => {
  it.each([
    ["(11) 91234-5678", 76, 5511912345678],
    ["(11) 3456-7890", 76, 551134567890],
    ["11912345678", 76, 5511912345678],
    ["+55 11 91234-5678", 76, 5511912345678],
    ["55 (11) 3456-7890", 76, 551134567890],
    ["0 11 91234-5678", 76, 5511912345678],
  ])("stores the Brazilian number %s with the country code", (input, country, expected) => {
    expect(searchPhoneNumber(input, country)).toBe(expected);
  });

  it("keeps the digits of numbers of other or unknown countries", () => {
    expect(searchPhoneNumber("+1 415 555 2671", 0)).toBe(14155552671);
    expect(searchPhoneNumber("(11) 91234-5678", null)).toBe(11912345678);
    expect(searchPhoneNumber("+351 912 345 678", 171)).toBe(351912345678);
  });

  it("keeps short Brazilian service numbers as they are; 0800 numbers get 55 like any national number", () => {
    expect(searchPhoneNumber("190", 76)).toBe(190);
    // +55 800 123 4567 is the international form of a Brazilian toll-free number.
    expect(searchPhoneNumber("0800 123 4567", 76)).toBe(558001234567);
  });

  it("has nothing to search by without digits or beyond a safe integer", () => {
    expect(searchPhoneNumber("sem telefone", 76)).toBeNull();
    expect(searchPhoneNumber("", 76)).toBeNull();
    expect(searchPhoneNumber("1".repeat(17), 0)).toBeNull();
  });

  it("is among the candidates the integration searches for the same phone", () => {
    for (const raw of ["(11) 91234-5678", "+55 21 3456-7890", "11 8765-4321"]) {
      const phone = ploomesPhone(raw);
      expect(phone).not.toBeNull();
      const stored = searchPhoneNumber(phone!.PhoneNumber, phone!.CountryId);
      expect(phoneSearchCandidates(raw)).toContain(stored);
    }
  });
});
