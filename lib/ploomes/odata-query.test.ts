import { describe, expect, it } from "vitest";
import { and, any, contains, eq, literal, ne, odata, or } from "./odata-query";

const decoded = (query: { toString(): string }) => decodeURIComponent(query.toString());

describe("literal", () => {
  it.each([
    ["O'Brien", "'O''Brien'"],
    ["''", "''''''"],
    [42, "42"],
    [5511987654321, "5511987654321"],
    [1.5, "1.5"],
    [true, "true"],
    [false, "false"],
    [null, "null"],
    [new Date("2026-01-02T03:04:05.678Z"), "2026-01-02T03:04:05.678Z"],
  ])("%j → %s", (value, expected) => {
    expect(literal(value)).toBe(expected);
  });

  it("refuses numbers OData cannot express", () => {
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe("filters", () => {
  it("escapes a quote inside a compared string", () => {
    expect(eq("Name", "O'Brien").text).toBe("Name eq 'O''Brien'");
  });

  it("builds the phone lambda exactly as Ploomes expects", () => {
    const numbers = [5511987654321];
    expect(any("Phones", "p", or(...numbers.map((n) => eq("p/SearchPhoneNumber", n)))).text).toBe(
      "Phones/any(p: p/SearchPhoneNumber eq 5511987654321)",
    );
  });

  it("parenthesises an or inside an and, and nothing else", () => {
    const filter = and(eq("TypeId", 2), or(eq("Name", "a"), eq("Name", "b")), ne("StatusId", 3));
    expect(filter.text).toBe("TypeId eq 2 and (Name eq 'a' or Name eq 'b') and StatusId ne 3");
    expect(or(and(eq("A", 1), eq("B", 2)), eq("C", 3)).text).toBe("A eq 1 and B eq 2 or C eq 3");
  });

  it("collapses a single condition and refuses an empty one", () => {
    expect(or(eq("Id", 1)).text).toBe("Id eq 1");
    expect(() => or()).toThrow(/at least one/);
  });

  it("refuses a value where a field path belongs", () => {
    expect(() => eq("Name eq 'x' or Id", 1)).toThrow(/field path/);
    expect(() => odata().select("Id,Name")).toThrow(/field path/);
  });

  it("supports function calls", () => {
    expect(contains("Name", "Jo'")).toMatchObject({ text: "contains(Name,'Jo''')" });
  });
});

describe("odata()", () => {
  it("writes the options in order with readable $ keys and encoded values", () => {
    const query = odata()
      .filter(and(eq("TypeId", 2), eq("Email", "ana+crm@x.com")))
      .select("Id", "Name", "CompanyId")
      .top(1);
    expect(query.toString()).toBe(
      "$filter=TypeId%20eq%202%20and%20Email%20eq%20'ana%2Bcrm@x.com'&$select=Id,Name,CompanyId&$top=1",
    );
    expect(new URLSearchParams(query.toString()).get("$filter")).toBe("TypeId eq 2 and Email eq 'ana+crm@x.com'");
  });

  it("nests expand options with ; inside parentheses", () => {
    const query = odata().expand("Stages", odata().select("Id", "Name").orderby("Ordination"));
    expect(decoded(query)).toBe("$expand=Stages($select=Id,Name;$orderby=Ordination)");
  });

  it("joins several expands and keeps a nested filter intact", () => {
    const query = odata()
      .expand("Company", odata().select("Id"))
      .expand("Phones", odata().filter(eq("TypeId", 1)))
      .expand("Owner");
    expect(decoded(query)).toBe("$expand=Company($select=Id),Phones($filter=TypeId eq 1),Owner");
    expect(query.toString()).not.toContain(";$filter");
  });

  it("encodes characters that would break the query string", () => {
    const query = odata().filter(eq("Name", "A&B=C #1; 100%"));
    expect(query.toString()).toBe("$filter=Name%20eq%20'A%26B%3DC%20%231%3B%20100%25'");
    expect(new URLSearchParams(query.toString()).get("$filter")).toBe("Name eq 'A&B=C #1; 100%'");
  });

  it("is immutable, so a base query can be reused", () => {
    const base = odata().select("Id");
    base.top(1);
    expect(base.skip(300).top(300).toString()).toBe("$select=Id&$top=300&$skip=300");
    expect(base.toString()).toBe("$select=Id");
  });

  it("checks orderby clauses and counts", () => {
    expect(odata().orderby("Id desc", "Name").toString()).toBe("$orderby=Id%20desc,Name");
    expect(() => odata().orderby("Id sideways")).toThrow();
    expect(() => odata().top(-1)).toThrow();
  });
});
