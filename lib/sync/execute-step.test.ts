import { describe, expect, it } from "vitest";
import { mergeLeadValues } from "./execute-step";

describe("mergeLeadValues", () => {
  it("appends a new message to the lead's text and keeps the first one", () => {
    const patch = mergeLeadValues(
      [{ FieldKey: "lead_msg", BigStringValue: "Primeira mensagem" }],
      [{ FieldKey: "lead_msg", BigStringValue: "Segunda mensagem" }],
    );
    expect(patch).toEqual([{ FieldKey: "lead_msg", BigStringValue: "Primeira mensagem\n\nSegunda mensagem" }]);
  });

  it("sends nothing the lead already holds (a retried update is a no-op)", () => {
    const current = [
      { FieldKey: "lead_msg", BigStringValue: "Primeira\n\nSegunda" },
      { FieldKey: "lead_count", IntegerValue: 3 },
    ];
    expect(
      mergeLeadValues(current, [
        { FieldKey: "lead_msg", BigStringValue: "Segunda" },
        { FieldKey: "lead_count", IntegerValue: 3 },
      ]),
    ).toEqual([]);
  });

  it("writes values of fields the lead has no value for, and replaces non-text values", () => {
    const patch = mergeLeadValues(
      [{ FieldKey: "lead_count", IntegerValue: 1 }],
      [
        { FieldKey: "lead_msg", StringValue: "Olá" },
        { FieldKey: "lead_count", IntegerValue: 2 },
      ],
    );
    expect(patch).toEqual([
      { FieldKey: "lead_msg", StringValue: "Olá" },
      { FieldKey: "lead_count", IntegerValue: 2 },
    ]);
  });
});
