import { describe, expect, it } from "vitest";
import { splitTopLevel } from "./split-top-level";

describe("splitTopLevel", () => {
  it("splits only outside parentheses and strings", () => {
    expect(splitTopLevel("A($select=B,C), D , E('x,y')", ",", "$expand")).toEqual([
      "A($select=B,C)",
      "D",
      "E('x,y')",
    ]);
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
