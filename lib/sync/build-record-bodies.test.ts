import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJivoEvent } from "@/lib/jivo/normalize-event";
import { buildRecordBodies } from "./build-record-bodies";
import { renderTitle } from "./prepare-sync-context";

const event = (() => {
  const parsed = parseJivoEvent(JSON.parse(fs.readFileSync("test/fixtures/jivo/chat_finished_br.json", "utf8")));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
})();

describe("buildRecordBodies", () => {
  it("maps standard and custom fields by native type, with look-up keys for dedupe", () => {
    const drafts = buildRecordBodies(
      event,
      [
        { source: "visitor.name", entity: "person", field: "Name" },
        { source: "visitor.email", entity: "person", field: "Email" },
        { source: "visitor.phone", entity: "person", field: "Phones" },
        { source: "organization.name", entity: "company", field: "Name" },
        { source: "session.utm.campaign", entity: "person", field: "custom:contact_utm" },
        { source: "chat_id", entity: "deal", field: "custom:deal_chat" },
        { source: "page.title", entity: "deal", field: "custom:deal_number" },
      ],
      new Map([
        ["contact_utm", { nativeType: "String" }],
        ["deal_chat", { nativeType: "Integer" }],
        ["deal_number", { nativeType: "Integer" }],
      ]),
    );
    expect(drafts.person.standard).toEqual({ Name: "Mariana Conceição", Email: "mariana.conceicao@acme.com.br" });
    expect(drafts.person.otherProperties).toEqual([{ FieldKey: "contact_utm", StringValue: "black_friday" }]);
    expect(drafts.deal.otherProperties).toEqual([{ FieldKey: "deal_chat", IntegerValue: 918273645 }]);
    expect(drafts.warnings).toEqual([
      expect.objectContaining({ code: "value_not_converted", field: "deal.custom:deal_number", source: "page.title" }),
    ]);
    expect(drafts.lookup.email).toBe("mariana.conceicao@acme.com.br");
    expect(drafts.lookup.phones).toContain(5511987654321);
    expect(drafts.lookup.companyNames).toEqual(["Acme Indústria Ltda", "Acme Industria Ltda"]);
  });

  it("warns about a custom field that Ploomes does not know", () => {
    const drafts = buildRecordBodies(
      event,
      [{ source: "visitor.name", entity: "person", field: "custom:contact_gone" }],
      new Map(),
    );
    expect(drafts.warnings[0]?.code).toBe("unknown_custom_field");
  });
});

describe("renderTitle", () => {
  it("fills Portuguese and key placeholders", () => {
    expect(renderTitle("JivoChat – {nome do visitante}", event)).toBe("JivoChat – Mariana Conceição");
    expect(renderTitle("{empresa} / {visitor.email}", event)).toBe(
      "Acme Indústria Ltda / mariana.conceicao@acme.com.br",
    );
  });

  it("never returns an empty title", () => {
    const anonymous = { ...event, visitor: { ...event.visitor, name: null } };
    expect(renderTitle("{nome do visitante}", anonymous)).toBe("JivoChat #918273645");
    expect(renderTitle("JivoChat – {nome do visitante}", anonymous)).toBe("JivoChat");
  });
});
