import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyODataQuery } from "./apply";
import { parseODataQuery, splitTopLevel } from "./options";
import { EMPTY_ODATA_QUERY, ODataQueryError } from "./query";

const parse = (query: string) => parseODataQuery(new URLSearchParams(query));

function parseError(query: string): ODataQueryError {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be rejected`);
}

describe("parseODataQuery", () => {
  it("returns the empty query when no option is given", () => {
    expect(parse("")).toEqual(EMPTY_ODATA_QUERY);
  });

  it("ignores custom parameters without a $ prefix", () => {
    expect(parse("foo=bar&api_key=1")).toEqual(EMPTY_ODATA_QUERY);
  });

  it("reads a URL-encoded $filter", () => {
    const params = new URLSearchParams();
    params.set("$filter", "Name eq 'Ação & Cia' and Id eq 1");
    expect(parseODataQuery(new URLSearchParams(params.toString())).filter).toMatchObject({
      kind: "logical",
      left: { right: { value: "Ação & Cia" } },
    });
  });

  it("parses $select, $orderby, $top, $skip and $count", () => {
    expect(parse("$select=Id, Name,Id&$orderby=Name desc,Company/Id,Id asc&$top=10&$skip=20&$count=true")).toEqual({
      ...EMPTY_ODATA_QUERY,
      select: ["Id", "Name"],
      orderBy: [
        { path: ["Name"], direction: "desc" },
        { path: ["Company", "Id"], direction: "asc" },
        { path: ["Id"], direction: "asc" },
      ],
      top: 10,
      skip: 20,
      count: true,
    });
  });

  it("treats $select=* as every property", () => {
    expect(parse("$select=*").select).toBeNull();
  });

  it("accepts option names in any case", () => {
    expect(parse("$TOP=5&$OrderBy=Id DESC").top).toBe(5);
    expect(parse("$orderby=Id DESC").orderBy).toEqual([{ path: ["Id"], direction: "desc" }]);
  });

  it("accepts the $top bounds 0 and 300", () => {
    expect(parse("$top=0").top).toBe(0);
    expect(parse("$top=300").top).toBe(300);
  });
});

describe("parseODataQuery: $expand", () => {
  it("parses several comma-separated expands", () => {
    expect(parse("$expand=Company,Owner").expand).toEqual([
      { property: "Company", query: EMPTY_ODATA_QUERY },
      { property: "Owner", query: EMPTY_ODATA_QUERY },
    ]);
  });

  it("parses nested options separated by ;", () => {
    expect(parse("$expand=Stages($select=Id,Name;$orderby=Ordination)").expand).toEqual([
      {
        property: "Stages",
        query: {
          ...EMPTY_ODATA_QUERY,
          select: ["Id", "Name"],
          orderBy: [{ path: ["Ordination"], direction: "asc" }],
        },
      },
    ]);
  });

  it("parses nested expands, filters with commas and parentheses, and paging", () => {
    const query = parse(
      "$expand=Pipelines($filter=contains(Name, 'a,b;c') and (Id eq 1);$top=2;$skip=1;" +
        "$expand=Stages($select=Id;$orderby=Ordination desc)),Owner($select=Name)",
    );
    expect(query.expand).toEqual([
      {
        property: "Pipelines",
        query: {
          ...EMPTY_ODATA_QUERY,
          filter: expect.objectContaining({ kind: "logical" }),
          top: 2,
          skip: 1,
          expand: [
            {
              property: "Stages",
              query: {
                ...EMPTY_ODATA_QUERY,
                select: ["Id"],
                orderBy: [{ path: ["Ordination"], direction: "desc" }],
              },
            },
          ],
        },
      },
      { property: "Owner", query: { ...EMPTY_ODATA_QUERY, select: ["Name"] } },
    ]);
  });

  it("names the expand path in errors from nested options", () => {
    expect(parseError("$expand=Stages($filter=Id eq)").message).toBe(
      "Invalid $filter (in $expand=Stages): unexpected token at position 2",
    );
    expect(parseError("$expand=Pipelines($expand=Stages($top=500))").message).toBe(
      "$top (in $expand=Pipelines/Stages) must be between 0 and 300",
    );
    expect(parseError("$expand=Stages($levels=2)").message).toMatch(
      /^Unknown query option \$levels \(in \$expand=Stages\)/,
    );
  });

  it.each([
    ["$expand=Stages(", "missing ')'"],
    ["$expand=Stages)", "unexpected ')'"],
    ["$expand=Stages()", "empty options for Stages"],
    ["$expand=Stages($select)", "expected '$option=value'"],
    ["$expand=Stages($select=Id)x", "unexpected text after the options of Stages"],
    ["$expand=Company/Owner", "'Company/Owner' is not a navigation property name"],
    ["$expand=Stages,Stages", "Stages is expanded more than once"],
    ["$expand=Stages,", "empty item"],
    ["$expand=Stages($filter=Name eq 'x)", "unterminated string literal"],
  ])("rejects %s", (query, reason) => {
    const error = parseError(query);
    expect(error.option).toBe("$expand");
    expect(error.message).toContain(reason);
  });
});

describe("parseODataQuery: errors", () => {
  it("rejects $top above Ploomes' page size", () => {
    const error = parseError("$top=301");
    expect(error).toBeInstanceOf(ODataQueryError);
    expect(error.message).toBe("$top must be between 0 and 300");
    expect(error.option).toBe("$top");
  });

  it.each(["$top=-1", "$top=abc", "$top=1.5", "$top=", "$skip=-3", "$skip=x"])("rejects %s", (query) => {
    expect(parseError(query).message).toMatch(/is not an integer; \$(top|skip) must be between 0 and/);
  });

  it("rejects unknown $ options", () => {
    expect(parseError("$search=acme").message).toBe(
      "Unknown query option $search: supported options are $filter, $select, $expand, $orderby, $top, $skip and $count",
    );
  });

  it("rejects a repeated option", () => {
    expect(parseError("$top=1&$top=2").message).toBe("Invalid $top: the option is specified more than once");
  });

  it("rejects malformed $filter, $select, $orderby and $count", () => {
    expect(parseError("$filter=Name eq 'x' or").message).toBe("Invalid $filter: unexpected token at position 11");
    expect(parseError("$filter=").message).toBe("Invalid $filter: the expression is empty");
    expect(parseError("$select=Id,Company/Name").message).toContain("'Company/Name' is not a property name");
    expect(parseError("$select=Id;Name").message).toContain("'Id;Name' is not a property name");
    expect(parseError("$orderby=Name up").message).toBe(
      "Invalid $orderby: expected 'Property [asc|desc]', got 'Name up'",
    );
    expect(parseError("$orderby=tolower(Name)").message).toContain("is not a property path");
    expect(parseError("$count=yes").message).toBe("Invalid $count: expected true or false, got 'yes'");
  });
});

describe("splitTopLevel", () => {
  it("splits only outside parentheses and strings", () => {
    expect(splitTopLevel("A($select=B,C), D , E('x,y')", ",", "$expand")).toEqual(["A($select=B,C)", "D", "E('x,y')"]);
    expect(splitTopLevel("$filter=Name eq 'it''s;(';$top=1", ";", "$expand")).toEqual([
      "$filter=Name eq 'it''s;('",
      "$top=1",
    ]);
  });

  it("rejects unbalanced input and empty items", () => {
    expect(() => splitTopLevel("A(B", ",", "$expand")).toThrow("Invalid $expand: missing ')'");
    expect(() => splitTopLevel("A)B(", ",", "$expand")).toThrow("Invalid $expand: unexpected ')' at position 1");
    expect(() => splitTopLevel("'abc", ",", "$select")).toThrow("Invalid $select: unterminated string literal");
    expect(() => splitTopLevel("A,,B", ",", "$select")).toThrow("Invalid $select: empty item at position 2");
  });
});

const records = [
  { Id: 1, Name: "Acme", Phones: [{ N: 5 }], p: null },
  { Id: "2", Name: null, Phones: null, CreateDate: "2026-01-01T00:00:00Z" },
];

// The sandbox maps ODataQueryError to 400; any other exception would surface as a 500.
function onlyQueryErrors(params: URLSearchParams): boolean {
  try {
    const query = parseODataQuery(params);
    if (query.expand.length === 0) applyODataQuery(records, query);
    return true;
  } catch (error) {
    return error instanceof ODataQueryError;
  }
}

const fragments = fc.constantFrom(
  "Id",
  "Phones",
  "p",
  "/",
  "any(",
  "all(",
  "p:",
  ")",
  "(",
  " eq ",
  " and ",
  " or ",
  "not ",
  "'",
  "''",
  "1",
  "-2.5",
  "null",
  "true",
  ",",
  ";",
  "$select=",
  "$filter=",
  "$top=",
  "contains(",
  " ",
  "2026-01-01T00:00:00Z",
  "$it",
  "*",
);
const expressions = fc.oneof(
  fc.string(),
  fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("parseODataQuery robustness", () => {
  it("throws nothing but ODataQueryError for arbitrary option values", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count"),
        expressions,
        (name, value) => onlyQueryErrors(new URLSearchParams([[name, value]])),
      ),
      { numRuns: 2000 },
    );
  });

  it("still parses normal filters correctly after failed lambda parses", () => {
    expect(onlyQueryErrors(new URLSearchParams([["$filter", "Phones/any(p: p/N/any(q: q eq 1))"]]))).toBe(true);
    expect(parseODataQuery(new URLSearchParams([["$filter", "Name eq 'x'"]])).filter).toEqual({
      kind: "comparison",
      operator: "eq",
      left: { kind: "property", variable: null, path: ["Name"] },
      right: { kind: "literal", value: "x" },
    });
  });
});
