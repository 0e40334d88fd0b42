import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyODataQuery } from "./apply-query";
import { ODataQueryError } from "./odata-query-error";
import { parseODataQuery } from "./parse-query";

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
  "Id", "Phones", "p", "/", "any(", "all(", "p:", ")", "(", " eq ", " and ", " or ", "not ", "'",
  "''", "1", "-2.5", "null", "true", ",", ";", "$select=", "$filter=", "$top=", "contains(", " ",
  "2026-01-01T00:00:00Z", "$it", "*",
);
const expressions = fc.oneof(fc.string(), fc.array(fragments, { maxLength: 12 }).map((parts) => parts.join("")));

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
