import { describe, expect, it } from "vitest";
import { type FilterExpression, parseFilter } from "./filter";
import { ODataQueryError } from "./query";

const prop = (...path: string[]): FilterExpression => ({ kind: "property", variable: null, path });
const varProp = (variable: string, ...path: string[]): FilterExpression => ({
  kind: "property",
  variable,
  path,
});
const lit = (value: string | number | boolean | null): FilterExpression => ({ kind: "literal", value });
const eq = (left: FilterExpression, right: FilterExpression): FilterExpression => ({
  kind: "comparison",
  operator: "eq",
  left,
  right,
});
const and = (left: FilterExpression, right: FilterExpression): FilterExpression => ({
  kind: "logical",
  operator: "and",
  left,
  right,
});

function parseError(source: string): ODataQueryError {
  try {
    parseFilter(source);
  } catch (error) {
    if (error instanceof ODataQueryError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to be rejected`);
}

describe("parseFilter: filters Ploomes clients send", () => {
  it("parses TypeId eq 2 and Email eq 'x@y.com'", () => {
    expect(parseFilter("TypeId eq 2 and Email eq 'x@y.com'")).toEqual(
      and(eq(prop("TypeId"), lit(2)), eq(prop("Email"), lit("x@y.com"))),
    );
  });

  it("parses TypeId eq 1 and Name eq 'Acme Ltda'", () => {
    expect(parseFilter("TypeId eq 1 and Name eq 'Acme Ltda'")).toEqual(
      and(eq(prop("TypeId"), lit(1)), eq(prop("Name"), lit("Acme Ltda"))),
    );
  });

  it("parses a three-way and as nested logical nodes", () => {
    expect(parseFilter("PersonId eq 12 and PipelineId eq 3 and StatusId eq 1")).toEqual(
      and(eq(prop("PersonId"), lit(12)), and(eq(prop("PipelineId"), lit(3)), eq(prop("StatusId"), lit(1)))),
    );
  });

  it("parses EntityId eq 1 and PipelineId eq 3", () => {
    expect(parseFilter("EntityId eq 1")).toEqual(eq(prop("EntityId"), lit(1)));
    expect(parseFilter("PipelineId eq 3")).toEqual(eq(prop("PipelineId"), lit(3)));
  });

  it("parses the phone lookup lambda with an Int64 literal", () => {
    expect(parseFilter("Phones/any(p: p/SearchPhoneNumber eq 5511987654321)")).toEqual({
      kind: "lambda",
      operator: "any",
      collection: prop("Phones"),
      variable: "p",
      predicate: eq(varProp("p", "SearchPhoneNumber"), lit(5511987654321)),
    });
  });

  it("parses a lambda whose predicate is an and of two comparisons", () => {
    expect(parseFilter("OtherProperties/any(o: o/FieldKey eq 'contact_x' and o/StringValue eq 'y')")).toEqual({
      kind: "lambda",
      operator: "any",
      collection: prop("OtherProperties"),
      variable: "o",
      predicate: and(eq(varProp("o", "FieldKey"), lit("contact_x")), eq(varProp("o", "StringValue"), lit("y"))),
    });
  });
});

describe("parseFilter: grammar", () => {
  it("unescapes doubled quotes in strings", () => {
    expect(parseFilter("Name eq 'O''Brien'")).toEqual(eq(prop("Name"), lit("O'Brien")));
    expect(parseFilter("Name eq ''''")).toEqual(eq(prop("Name"), lit("'")));
  });

  it("keeps keywords inside strings as text", () => {
    expect(parseFilter("Name eq 'a and b or not c'")).toEqual(eq(prop("Name"), lit("a and b or not c")));
  });

  it("parses every comparison operator", () => {
    for (const operator of ["eq", "ne", "gt", "ge", "lt", "le"] as const) {
      expect(parseFilter(`Id ${operator} 1`)).toEqual({
        kind: "comparison",
        operator,
        left: prop("Id"),
        right: lit(1),
      });
    }
  });

  it("parses literals: decimals, negatives, booleans, null, guid", () => {
    expect(parseFilter("Amount gt 1.5")).toMatchObject({ right: lit(1.5) });
    expect(parseFilter("Amount gt -2")).toMatchObject({ right: lit(-2) });
    expect(parseFilter("Amount lt 1.5e3")).toMatchObject({ right: lit(1500) });
    expect(parseFilter("Active eq true")).toMatchObject({ right: lit(true) });
    expect(parseFilter("Active eq false")).toMatchObject({ right: lit(false) });
    expect(parseFilter("CompanyId eq null")).toMatchObject({ right: lit(null) });
    expect(parseFilter("Key eq 253f842d-d739-41b8-ac8c-139ac7a9dd14")).toMatchObject({
      right: lit("253f842d-d739-41b8-ac8c-139ac7a9dd14"),
    });
  });

  it("parses datetimes and dates as instants", () => {
    expect(parseFilter("CreateDate gt 2026-01-01T00:00:00Z")).toMatchObject({
      right: { kind: "datetime", epochMs: Date.UTC(2026, 0, 1) },
    });
    expect(parseFilter("CreateDate gt 2026-01-01T00:00:00.500-03:00")).toMatchObject({
      right: { kind: "datetime", epochMs: Date.UTC(2026, 0, 1, 3, 0, 0, 500) },
    });
    expect(parseFilter("CreateDate ge 2026-01-01")).toMatchObject({
      right: { kind: "datetime", epochMs: Date.UTC(2026, 0, 1) },
    });
  });

  it("honours precedence: and binds tighter than or, parentheses override", () => {
    const a = eq(prop("A"), lit(1));
    const b = eq(prop("B"), lit(2));
    const c = eq(prop("C"), lit(3));
    expect(parseFilter("A eq 1 and B eq 2 or C eq 3")).toEqual({
      kind: "logical",
      operator: "or",
      left: and(a, b),
      right: c,
    });
    expect(parseFilter("A eq 1 and (B eq 2 or C eq 3)")).toEqual(
      and(a, { kind: "logical", operator: "or", left: b, right: c }),
    );
  });

  it("parses not, functions and property paths", () => {
    expect(parseFilter("not (TypeId eq 1)")).toEqual({ kind: "not", operand: eq(prop("TypeId"), lit(1)) });
    expect(parseFilter("Company/Name eq 'Acme'")).toEqual(eq(prop("Company", "Name"), lit("Acme")));
    expect(parseFilter("startswith(tolower(Name), 'ac')")).toEqual({
      kind: "function",
      name: "startswith",
      args: [{ kind: "function", name: "tolower", args: [prop("Name")] }, lit("ac")],
    });
  });

  it("parses all(), any() without predicate and $it", () => {
    expect(parseFilter("Phones/all(p: p/TypeId eq 1)")).toMatchObject({ kind: "lambda", operator: "all" });
    expect(parseFilter("Phones/any()")).toEqual({
      kind: "lambda",
      operator: "any",
      collection: prop("Phones"),
      variable: null,
      predicate: null,
    });
    expect(parseFilter("$it/Id eq 1")).toEqual(eq(prop("Id"), lit(1)));
  });

  it("resolves bare identifiers inside a lambda to the outer record", () => {
    expect(parseFilter("Phones/any(p: p/TypeId eq TypeId and Company/Id eq 1)")).toMatchObject({
      predicate: and(eq(varProp("p", "TypeId"), prop("TypeId")), eq(prop("Company", "Id"), lit(1))),
    });
  });

  it("accepts surrounding whitespace", () => {
    expect(parseFilter("  Id eq 1  ")).toEqual(eq(prop("Id"), lit(1)));
  });
});

describe("parseFilter: errors", () => {
  it("reports the position of a malformed expression", () => {
    expect(parseError("TypeId eq").message).toBe("Invalid $filter: unexpected token at position 6");
    expect(parseError("Name eq 'x' foo").message).toBe("Invalid $filter: unexpected token at position 11");
    expect(parseError("  Name eq 'x' foo").message).toBe("Invalid $filter: unexpected token at position 13");
  });

  it("rejects broken syntax", () => {
    for (const source of [
      "Name eq 'unterminated",
      'Name eq "double"',
      "(Id eq 1",
      "Id eq 1)",
      "Id eq 1 and",
      "Id eq 1 eq 2",
      "Id == 1",
      "Id in (1,2)",
    ]) {
      expect(parseError(source).option).toBe("$filter");
    }
  });

  it("rejects an empty expression", () => {
    expect(parseError("   ").message).toBe("Invalid $filter: the expression is empty");
  });

  it("rejects unsupported functions and operators with a clear reason", () => {
    expect(parseError("year(CreateDate) eq 2026").message).toBe(
      "Invalid $filter: function year() is not supported at position 0",
    );
    // The grammar itself knows the arity of the built-in functions.
    expect(parseError("contains(Name)").message).toBe("Invalid $filter: unexpected token at position 8");
    expect(parseError("Id add 1 eq 2").message).toContain("unsupported expression 'Id add 1'");
    expect(parseError("Phones/$count gt 1").message).toContain("unsupported expression");
  });

  it("explains lambda failures, including the parser's lack of nested lambdas", () => {
    expect(parseError("Phones/any(p: p/X eq)").message).toBe(
      "Invalid $filter: unexpected token at position 10: the any() lambda could not be parsed " +
        "(check its predicate; nested lambdas are not supported)",
    );
    expect(parseError("Deals/any(d: d/Products/any(x: x/Id eq 1))").message).toContain(
      "nested lambdas are not supported",
    );
  });

  // The parser package loops forever on these; they must be refused before reaching it.
  it("refuses JSON/collection literals and double-encoded input without hanging", () => {
    expect(parseError('Tags eq ["a').message).toBe(
      "Invalid $filter: unexpected character '[' at position 8 (collection and JSON literals are not supported)",
    );
    expect(parseError("Tags eq [%22a").option).toBe("$filter");
    expect(parseError('Id eq 1 or {"a').message).toContain("unexpected character '{' at position 11");
    expect(parseError("Name eq 'x%27 or Tags eq [").message).toBe(
      "Invalid $filter: percent-encoded sequence '%27' at position 10 (the value seems to be URL-encoded twice)",
    );
  });

  it("still accepts those characters inside string literals", () => {
    expect(parseFilter("Name eq '[\"{50%}\"]'")).toEqual(eq(prop("Name"), lit('["{50%}"]')));
  });

  it("labels errors with the option it was given", () => {
    expect(() => parseFilter("Id eq", "$filter (in $expand=Stages)")).toThrow(
      "Invalid $filter (in $expand=Stages): unexpected token at position 2",
    );
  });
});
