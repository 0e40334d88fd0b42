import { describe, expect, it } from "vitest";
import { type SandboxRecordsByEntity, buildSandboxOverview } from "./overview";

const records: SandboxRecordsByEntity = {
  Fields: [{ Id: 1, Key: "contact_A", Name: "Origem da campanha" }],
  "Deals@Pipelines": [{ Id: 2, Name: "Funil de Vendas" }],
  "Deals@Stages": [{ Id: 3, Name: "Proposta", PipelineId: 2 }],
  Contacts: [
    { Id: 10, Name: "Acme", TypeId: 1, Phones: [{ PhoneNumber: "(11) 3456-7890" }] },
    {
      Id: 11,
      Name: "Bia",
      TypeId: 2,
      Email: "bia@x.com",
      CompanyId: 10,
      OtherProperties: [
        { FieldKey: "contact_A", StringValue: "Google" },
        { FieldKey: "contact_GONE", BoolValue: false },
        { FieldKey: "contact_EMPTY", StringValue: null },
      ],
    },
  ],
  Deals: [{ Id: 20, Title: "Venda", ContactId: 10, PersonId: 11, PipelineId: 2, StageId: 3, StatusId: 1, Amount: 10 }],
  Leads: [{ Id: 30, PersonName: "Lia", Phones: "not a list" }],
  InteractionRecords: [
    { Id: 40, ContactId: 11, DealId: 20, Date: "2026-11-20T10:00:00Z", Content: "<b>oi</b>" },
    { Id: 41, ContactId: 999, DealId: null, Content: 42 },
  ],
};

describe("buildSandboxOverview", () => {
  const overview = buildSandboxOverview(records, 10);

  it("lists newest first with names resolved", () => {
    expect(overview.contacts.rows.map((row) => row.id)).toEqual([11, 10]);
    expect(overview.contacts.rows[0]).toMatchObject({
      company: { id: 10, name: "Acme" },
      email: "bia@x.com",
      typeId: 2,
    });
    expect(overview.deals.rows[0]).toMatchObject({
      pipelineName: "Funil de Vendas",
      stageName: "Proposta",
      contact: { id: 10, name: "Acme" },
      person: { id: 11, name: "Bia" },
      statusId: 1,
    });
  });

  it("names custom fields, keeps unknown keys and skips empty values", () => {
    expect(overview.contacts.rows[0]?.customFields).toEqual([
      { name: "Origem da campanha", property: "StringValue", value: "Google" },
      { name: "contact_GONE", property: "BoolValue", value: false },
    ]);
  });

  it("copes with whatever a client stored", () => {
    expect(overview.leads.rows[0]).toMatchObject({ personName: "Lia", phones: [] });
    expect(overview.interactions.rows).toEqual([
      { id: 41, contact: { id: 999, name: "#999" }, deal: null, date: null, content: "" },
      {
        id: 40,
        contact: { id: 11, name: "Bia" },
        deal: { id: 20, name: "Venda" },
        date: "2026-11-20T10:00:00Z",
        content: "<b>oi</b>",
      },
    ]);
  });

  it("limits each list and reports the total", () => {
    const limited = buildSandboxOverview(records, 1);
    expect(limited.contacts).toMatchObject({ total: 2, rows: [{ id: 11 }] });
  });
});
