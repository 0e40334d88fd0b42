import { describe, expect, it } from "vitest";
import { entitySet } from "./entity-sets";
import { applyODataQuery } from "./odata/apply";
import { parseODataQuery } from "./odata/options";
import { ODataQueryError } from "./odata/query";
import { type LoadedRecords, navigationOf, shapingOptions } from "./read-records";

const loaded: LoadedRecords = new Map([
  [
    "Contacts",
    [
      { Id: 10, Name: "Acme", TypeId: 1, CompanyId: null, OwnerId: 1, Phones: [] },
      {
        Id: 11,
        Name: "Bia",
        TypeId: 2,
        CompanyId: 10,
        OwnerId: 2,
        Phones: [{ PhoneNumber: "1", SearchPhoneNumber: 1 }],
      },
    ],
  ],
  [
    "Users",
    [
      { Id: 1, Name: "João", Email: "j@x" },
      { Id: 2, Name: "Ana", Email: "a@x" },
    ],
  ],
  [
    "Contacts@Types",
    [
      { Id: 1, Name: "Empresa" },
      { Id: 2, Name: "Pessoa" },
    ],
  ],
  ["Deals@Pipelines", [{ Id: 5, Name: "Vendas" }]],
  [
    "Deals@Stages",
    [
      { Id: 51, Name: "B", PipelineId: 5, Ordination: 2 },
      { Id: 50, Name: "A", PipelineId: 5, Ordination: 1 },
      { Id: 60, Name: "Outro", PipelineId: 6, Ordination: 1 },
    ],
  ],
]);

const run = (entity: "Contacts" | "Deals@Pipelines", query: string) =>
  applyODataQuery(
    loaded.get(entity)!,
    parseODataQuery(new URLSearchParams(query)),
    shapingOptions(entitySet(entity), loaded),
  ).value;

describe("shapingOptions", () => {
  it("resolves one-to-one navigation, null when the key is empty", () => {
    expect(run("Contacts", "$select=Id&$expand=Company($select=Name),Owner($select=Email),Type")).toEqual([
      { Id: 10, Company: null, Owner: { Email: "j@x" }, Type: { Id: 1, Name: "Empresa" } },
      { Id: 11, Company: { Name: "Acme" }, Owner: { Email: "a@x" }, Type: { Id: 2, Name: "Pessoa" } },
    ]);
  });

  it("resolves collections by their inverse key, with nested options", () => {
    expect(run("Deals@Pipelines", "$expand=Stages($select=Name;$orderby=Ordination)")).toEqual([
      { Id: 5, Name: "Vendas", Stages: [{ Name: "A" }, { Name: "B" }] },
    ]);
  });

  it("expands inline collections and nested navigation", () => {
    expect(
      run(
        "Contacts",
        "$filter=Id eq 11&$select=Id&$expand=Phones($select=SearchPhoneNumber),Company($select=Id;$expand=Owner($select=Name))",
      ),
    ).toEqual([{ Id: 11, Phones: [{ SearchPhoneNumber: 1 }], Company: { Id: 10, Owner: { Name: "João" } } }]);
  });

  it("leaves navigation stored in the record out unless expanded, $select or not, at every level", () => {
    expect(run("Contacts", "$filter=Id eq 11")).toEqual([
      { Id: 11, Name: "Bia", TypeId: 2, CompanyId: 10, OwnerId: 2 },
    ]);
    expect(run("Contacts", "$filter=Id eq 11&$select=Id,Phones")).toEqual([{ Id: 11 }]);
    expect(run("Contacts", "$filter=Id eq 10&$select=Id&$expand=Phones")).toEqual([{ Id: 10, Phones: [] }]);
    // A filter still reaches them: Phones/any works without $expand.
    expect(run("Contacts", "$filter=Phones/any(p: p/SearchPhoneNumber eq 1)&$select=Id")).toEqual([{ Id: 11 }]);
    const nested = run("Contacts", "$filter=Id eq 11&$select=Id&$expand=Company($select=Id,Phones)");
    expect(nested).toEqual([{ Id: 11, Company: { Id: 10 } }]);
  });

  it("refuses properties that are not navigation properties of the entity", () => {
    expect(() => navigationOf(entitySet("Contacts"), "Deals")).toThrow(ODataQueryError);
    expect(() => navigationOf(entitySet("Contacts"), "constructor")).toThrow("not a navigation property of Contacts");
    expect(() => run("Contacts", "$expand=Phones($expand=Country)")).toThrow(ODataQueryError);
  });
});
