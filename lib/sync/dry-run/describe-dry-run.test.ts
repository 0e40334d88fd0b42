import { describe, expect, it } from "vitest";
import { jivoEventSchema, type JivoEvent } from "@/lib/jivo/normalize-event";
import type { DryRunReport } from "./dry-run-event";
import { describeDryRun } from "./describe-dry-run";
import type { PloomesNames } from "./describe-record-body";
import { normalizeSettings } from "@/lib/integration-model/draft-settings";

const none = null;
const event: JivoEvent = jivoEventSchema.parse({
  eventName: "chat_finished",
  widgetId: "w1",
  chatId: "c1",
  offlineMessageId: none,
  clientId: none,
  userToken: none,
  eventAt: none,
  visitor: { name: "Ana", email: "ana@x.example", phone: none, description: none, number: none },
  organizationName: none,
  agent: { id: "7", name: "Beto", email: "beto@x.example" },
  agents: [],
  assignedAgent: null,
  department: null,
  topic: null,
  status: null,
  tags: [],
  page: { url: none, title: none },
  geo: { city: none, region: none, country: none, countryCode: none },
  utm: { source: none, medium: none, campaign: none, content: none, term: none },
  ipAddr: none,
  userAgent: none,
  rate: null,
  messages: [],
  offlineMessage: none,
  call: null,
  invitation: none,
});

const names: PloomesNames = {
  pipelines: [{ Id: 1, Name: "Vendas", Stages: [{ Id: 11, Name: "Entrada", PipelineId: 1 }] }],
  users: [{ Id: 5, Name: "Carla", Email: "carla@x.example" }],
  fields: [{ Key: "deal_K", Name: "Canal de origem", EntityId: 2, Type: { NativeType: "String" } }],
  origin: { Id: 3, Name: "JivoChat" },
};

const context = (overrides: Partial<Parameters<typeof describeDryRun>[1]> = {}) => ({
  event,
  settings: normalizeSettings({ behaviour: "company_person_deal", pipelineId: 1, stageId: 11 }),
  names,
  isSandbox: false,
  requests: 2,
  incompleteStep: null,
  ...overrides,
});

describe("describeDryRun", () => {
  it("shows a found person's company as reused and names funnel, owner, origin and custom fields", () => {
    const report: DryRunReport = {
      behaviour: "company_person_deal",
      dealTitle: "Chat Ana",
      warnings: [],
      steps: [
        {
          step: { kind: "findPerson", email: "ana@x.example", phones: [] },
          result: { person: { id: 40, how: "email", companyId: 30, attempt: 1 } },
          simulated: false,
        },
        {
          step: { kind: "findOpenDeal", personId: 40, pipelineId: 1 },
          result: { openDeal: { id: null, attempt: 1 } },
          simulated: false,
        },
        {
          step: {
            kind: "createDeal",
            body: {
              Title: "Chat Ana",
              ContactId: 30,
              PersonId: 40,
              PipelineId: 1,
              StageId: 11,
              OwnerId: 5,
              OriginId: 3,
              OtherProperties: [{ FieldKey: "deal_K", StringValue: "site" }],
            },
          },
          result: { deal: { id: -1 } },
          simulated: true,
        },
      ],
    };
    const view = describeDryRun(report, context());
    expect(view.items.slice(0, 3)).toEqual([
      {
        kind: "found",
        entity: "person",
        how: "email",
        record: { entity: "person", id: 40, href: "https://app10.ploomes.com/contact/40" },
      },
      {
        kind: "found",
        entity: "company",
        how: "person",
        record: { entity: "company", id: 30, href: "https://app10.ploomes.com/contact/30" },
      },
      { kind: "noOpenDeal" },
    ]);
    const deal = view.items[3];
    expect(deal?.kind === "create" && deal.fields.map((field) => [field.label, field.value])).toEqual([
      [
        { kind: "standard", key: "Title" },
        { type: "text", text: "Chat Ana" },
      ],
      [
        { kind: "meta", key: "funnel" },
        { type: "text", text: "Vendas › Entrada" },
      ],
      [
        { kind: "meta", key: "owner" },
        { type: "text", text: "Carla" },
      ],
      [
        { kind: "meta", key: "company" },
        { type: "record", record: { entity: "company", id: 30, href: "https://app10.ploomes.com/contact/30" } },
      ],
      [
        { kind: "meta", key: "person" },
        { type: "record", record: { entity: "person", id: 40, href: "https://app10.ploomes.com/contact/40" } },
      ],
      [
        { kind: "meta", key: "origin" },
        { type: "text", text: "JivoChat" },
      ],
      [
        { kind: "custom", key: "deal_K", name: "Canal de origem" },
        { type: "text", text: "site" },
      ],
    ]);
    // The chat's agent is not among Ploomes' users: the default owner takes over.
    expect(view.warnings.map((warning) => warning.code)).toEqual(["agent_not_user"]);
  });

  it("spells out a visitor without e-mail or phone, and names the field of a mapping warning", () => {
    const report: DryRunReport = {
      behaviour: "company_person_deal",
      dealTitle: null,
      warnings: [{ code: "value_not_converted", field: "deal.custom:deal_K", source: "visitor.name", value: "Ana" }],
      steps: [
        {
          step: { kind: "createPerson", body: { Name: "Ana", TypeId: 2 } },
          result: { person: { id: -1, how: "created", attempt: 1 } },
          simulated: true,
        },
      ],
    };
    const view = describeDryRun(report, context({ settings: normalizeSettings({ ownerFromAgent: false }) }));
    expect(view.warnings).toEqual([
      {
        code: "value_not_converted",
        entity: "deal",
        field: { kind: "custom", key: "deal_K", name: "Canal de origem" },
        source: "visitor.name",
        value: "Ana",
      },
      { code: "no_contact_keys", entity: null, field: null, source: null, value: null },
    ]);
  });
});
