import { describe, expect, it } from "vitest";
import { normalizePhone, phoneSearchCandidates, ploomesPhone } from "./phone-candidates";

describe("normalizePhone", () => {
  it.each([
    [
      "(11) 98765-4321",
      { e164: "+5511987654321", national: "11987654321", countryCallingCode: "55", countryIso: "BR" },
    ],
    [
      "+55 11 98765-4321",
      { e164: "+5511987654321", national: "11987654321", countryCallingCode: "55", countryIso: "BR" },
    ],
    ["5511987654321", { e164: "+5511987654321", national: "11987654321", countryCallingCode: "55", countryIso: "BR" }],
    ["011 98765-4321", { e164: "+5511987654321", national: "11987654321", countryCallingCode: "55", countryIso: "BR" }],
    // Old 8-digit mobile: upgraded to the number that rings today.
    ["11 8765-4321", { e164: "+5511987654321", national: "11987654321", countryCallingCode: "55", countryIso: "BR" }],
    ["+55 21 3555-0101", { e164: "+552135550101", national: "2135550101", countryCallingCode: "55", countryIso: "BR" }],
    ["+14084987855", { e164: "+14084987855", national: "4084987855", countryCallingCode: "1", countryIso: "US" }],
  ])("%s", (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "123",
    "98765-4321",
    "+458745457845",
    "+55 11 1234-5678",
    null,
    undefined,
    {},
    "9".repeat(80),
  ])("rejects %j", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe("phoneSearchCandidates", () => {
  it.each<[string, number[]]>([
    ["(11) 98765-4321", [5511987654321, 11987654321, 551187654321, 1187654321]],
    ["+55 11 98765-4321", [5511987654321, 11987654321, 551187654321, 1187654321]],
    ["11 8765-4321", [5511987654321, 11987654321, 551187654321, 1187654321]],
    ["+55 21 3555-0101", [552135550101, 2135550101]],
    ["+14084987855", [14084987855, 4084987855]],
    // A 9 followed by 5 was never an 8-digit mobile: without the 9 it is someone's landline.
    ["(11) 95123-4567", [5511951234567, 11951234567]],
    ["abc", []],
    ["", []],
  ])("%s", (raw, expected) => {
    expect(phoneSearchCandidates(raw)).toEqual(expected);
  });
});

describe("ploomesPhone", () => {
  it.each([
    ["(11) 98765-4321", { PhoneNumber: "(11) 98765-4321", CountryId: 76 }],
    ["+5511987654321", { PhoneNumber: "(11) 98765-4321", CountryId: 76 }],
    ["11 8765-4321", { PhoneNumber: "(11) 98765-4321", CountryId: 76 }],
    ["+55 21 3555-0101", { PhoneNumber: "(21) 3555-0101", CountryId: 76 }],
    ["+14084987855", { PhoneNumber: "+1 408 498 7855", CountryId: 0 }],
    ["garbage", null],
  ])("%s", (raw, expected) => {
    expect(ploomesPhone(raw)).toEqual(expected);
  });
});
