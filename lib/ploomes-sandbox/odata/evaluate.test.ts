import { describe, expect, it } from "vitest";
import { evaluateFilter } from "./evaluate";
import { parseFilter } from "./filter";

const contact = {
  Id: 5,
  Name: "Acme",
  TypeId: 1,
  Email: "a@b.com",
  CompanyId: null,
  Score: 7.5,
  Active: true,
  Code: "0042",
  Company: { Id: 9, Name: "Acme Holding", Owner: { Name: "Ana" } },
  Phones: [
    { PhoneNumber: "(11) 98765-4321", SearchPhoneNumber: 11987654321, TypeId: 1, CountryId: 76 },
    { PhoneNumber: "(11) 3333-4444", SearchPhoneNumber: 551133334444, TypeId: 2, CountryId: 76 },
  ],
  OtherProperties: [
    { FieldKey: "contact_abc", StringValue: "x" },
    { FieldKey: "contact_x", StringValue: "y" },
  ],
  Tags: ["vip", "lead"],
  CreateDate: "2026-01-01T00:00:00Z",
  UpdateDate: "2026-03-10T12:00:00-03:00",
};

const matches = (filter: string, record: object = contact): boolean => evaluateFilter(parseFilter(filter), record);

describe("evaluateFilter: comparison operators", () => {
  it.each([
    ["Id eq 5", true],
    ["Id eq 6", false],
    ["Id ne 6", true],
    ["Id ne 5", false],
    ["Id gt 4", true],
    ["Id gt 5", false],
    ["Id ge 5", true],
    ["Id ge 6", false],
    ["Id lt 6", true],
    ["Id lt 5", false],
    ["Id le 5", true],
    ["Id le 4", false],
    ["Score gt 7.4", true],
    ["Score lt 7.5", false],
    ["Score eq 7.50", true],
    ["Id gt -1", true],
    ["Active eq true", true],
    ["Active eq false", false],
    ["Active ne false", true],
    ["Name lt 'B'", true],
    ["Name gt 'acmd'", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });
});

describe("evaluateFilter: logic", () => {
  it.each([
    ["Id eq 5 and TypeId eq 1", true],
    ["Id eq 5 and TypeId eq 2", false],
    ["Id eq 6 or TypeId eq 1", true],
    ["Id eq 6 or TypeId eq 2", false],
    ["not (Id eq 6)", true],
    ["not (Id eq 5)", false],
    ["not contains(Name, 'zzz')", true],
    ["Id eq 6 and TypeId eq 1 or Name eq 'Acme'", true],
    ["Id eq 6 and (TypeId eq 1 or Name eq 'Acme')", false],
    ["Active", true],
    ["not Active", false],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });
});

describe("evaluateFilter: strings (SQL Server default collation)", () => {
  it("compares case-insensitively", () => {
    expect(matches("Email eq 'A@B.COM'")).toBe(true);
    expect(matches("Name eq 'ACME'")).toBe(true);
    expect(matches("Name ne 'acme'")).toBe(false);
  });

  it("stays accent-sensitive", () => {
    expect(matches("Name eq 'Ação'", { Name: "AÇÃO" })).toBe(true);
    expect(matches("Name eq 'Acao'", { Name: "Ação" })).toBe(false);
  });

  it("matches escaped quotes", () => {
    expect(matches("Name eq 'O''Brien'", { Name: "O'Brien" })).toBe(true);
    expect(matches("Name eq 'O''Brien'", { Name: "OBrien" })).toBe(false);
  });

  it.each([
    ["contains(Name, 'cm')", true],
    ["contains(Name, 'CM')", true],
    ["contains(Name, 'xyz')", false],
    ["startswith(Name, 'ac')", true],
    ["startswith(Name, 'me')", false],
    ["endswith(Name, 'ME')", true],
    ["endswith(Name, 'ac')", false],
    ["tolower(Name) eq 'acme'", true],
    ["toupper(Name) eq 'ACME'", true],
    ["contains(toupper(Email), '@B.')", true],
    ["contains(Email, 'x')", false],
    ["contains(CompanyId, 'x')", false],
    ["tolower(CompanyId) eq null", true],
    ["contains(Id, '5')", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });
});

describe("evaluateFilter: null semantics", () => {
  it.each([
    ["CompanyId eq null", true],
    ["CompanyId ne null", false],
    ["Id eq null", false],
    ["Id ne null", true],
    ["Missing eq null", true],
    ["CompanyId eq 1", false],
    ["CompanyId ne 1", true],
    ["CompanyId gt 1", false],
    ["CompanyId lt 1", false],
    ["CompanyId ge 1", false],
    ["CompanyId le 1", false],
    ["Missing/Deeper eq null", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });
});

describe("evaluateFilter: numbers, numeric strings and dates", () => {
  it("compares a number literal with a numeric-string property numerically", () => {
    expect(matches("Code eq 42")).toBe(true);
    expect(matches("Code gt 41")).toBe(true);
    expect(matches("Code lt 42")).toBe(false);
    expect(matches("Name eq 42")).toBe(false);
    expect(matches("Name ne 42")).toBe(true);
  });

  it("compares a string literal with a number property numerically", () => {
    expect(matches("TypeId eq '1'")).toBe(true);
    expect(matches("TypeId eq 'one'")).toBe(false);
  });

  it("handles Int64 phone numbers", () => {
    expect(matches("Phones/any(p: p/SearchPhoneNumber eq 551133334444)")).toBe(true);
  });

  it("compares datetimes as instants across offsets", () => {
    expect(matches("CreateDate eq 2026-01-01T00:00:00Z")).toBe(true);
    expect(matches("CreateDate eq 2025-12-31T21:00:00-03:00")).toBe(true);
    expect(matches("CreateDate gt 2025-12-31T23:59:59Z")).toBe(true);
    expect(matches("CreateDate lt 2026-01-01T00:00:00Z")).toBe(false);
    expect(matches("CreateDate ge 2026-01-01")).toBe(true);
    expect(matches("UpdateDate gt 2026-03-10T14:59:59Z")).toBe(true);
    expect(matches("UpdateDate lt 2026-03-10T15:00:01Z")).toBe(true);
    expect(matches("Name gt 2026-01-01T00:00:00Z")).toBe(false);
    expect(matches("CompanyId lt 2026-01-01T00:00:00Z")).toBe(false);
  });
});

describe("evaluateFilter: paths and lambdas", () => {
  it("follows navigation paths", () => {
    expect(matches("Company/Name eq 'acme holding'")).toBe(true);
    expect(matches("Company/Owner/Name eq 'Ana'")).toBe(true);
    expect(matches("Company/Missing eq 'x'")).toBe(false);
  });

  it("never reads inherited object members", () => {
    expect(matches("constructor ne null")).toBe(false);
    expect(matches("Phones/length eq 2")).toBe(false);
  });

  it.each([
    ["Phones/any(p: p/SearchPhoneNumber eq 11987654321)", true],
    ["Phones/any(p: p/SearchPhoneNumber eq 5511987654321)", false],
    ["Phones/any(p: p/TypeId eq 2 and p/CountryId eq 76)", true],
    ["Phones/any(p: p/TypeId eq 2 and p/CountryId eq 1)", false],
    ["Phones/any(p: contains(p/PhoneNumber, '98765'))", true],
    ["Phones/any(p: p/TypeId eq TypeId)", true],
    ["OtherProperties/any(o: o/FieldKey eq 'contact_x' and o/StringValue eq 'y')", true],
    ["OtherProperties/any(o: o/FieldKey eq 'contact_x' and o/StringValue eq 'x')", false],
    ["Phones/all(p: p/CountryId eq 76)", true],
    ["Phones/all(p: p/TypeId eq 1)", false],
    ["Phones/any()", true],
    ["Tags/any(t: t eq 'VIP')", true],
    ["Tags/all(t: t ne 'lead')", false],
    ["Missing/any(p: p/X eq 1)", false],
    ["Missing/all(p: p/X eq 1)", true],
    ["Name eq 'Acme' and Phones/any(p: p/TypeId eq 1)", true],
    ["not Phones/any(p: p/TypeId eq 3)", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("treats an empty collection as having no match", () => {
    expect(matches("Phones/any()", { Phones: [] })).toBe(false);
    expect(matches("Phones/any(p: p/TypeId eq 1)", { Phones: [] })).toBe(false);
    expect(matches("Phones/all(p: p/TypeId eq 1)", { Phones: [] })).toBe(true);
  });
});
