import { describe, expect, it } from "vitest";
import { applyNestedQuery, applyODataQuery, type ExpandResolver } from "./apply";
import { parseODataQuery } from "./options";
import { ODataQueryError } from "./query";

const parse = (query: string) => parseODataQuery(new URLSearchParams(query));

const contacts = [
  { Id: 1, Name: "Beta", TypeId: 1, Email: "x@y.com", CompanyId: 10, OwnerId: 100, CreateDate: "2026-01-02T00:00:00Z" },
  {
    Id: 2,
    Name: "alpha",
    TypeId: 2,
    Email: "x@y.com",
    CompanyId: null,
    OwnerId: 100,
    CreateDate: "2026-01-01T22:00:00-03:00",
  },
  { Id: 3, Name: "Gamma", TypeId: 2, Email: null, CompanyId: 10, OwnerId: 101, CreateDate: "2026-01-03T00:00:00Z" },
  {
    Id: 4,
    Name: "Acme Ltda",
    TypeId: 1,
    Email: "acme@acme.com",
    CompanyId: null,
    OwnerId: 101,
    CreateDate: "2025-12-31T00:00:00Z",
  },
];

const ids = (query: string): unknown[] => applyODataQuery(contacts, parse(query)).value.map((record) => record.Id);

describe("applyODataQuery: filter, order and paging", () => {
  it("returns every record unchanged without options", () => {
    expect(applyODataQuery(contacts, parse(""))).toEqual({ value: contacts, count: 4 });
  });

  it("returns copies, not the stored records", () => {
    const [first] = applyODataQuery(contacts, parse("")).value;
    expect(first).not.toBe(contacts[0]);
  });

  it("runs the filters Ploomes clients send", () => {
    expect(ids("$filter=TypeId eq 2 and Email eq 'x@y.com'")).toEqual([2]);
    expect(ids("$filter=TypeId eq 1 and Name eq 'Acme Ltda'")).toEqual([4]);
    expect(ids("$filter=CompanyId eq null")).toEqual([2, 4]);
  });

  it("orders descending, by several keys, with nulls first ascending", () => {
    expect(ids("$orderby=Id desc")).toEqual([4, 3, 2, 1]);
    expect(ids("$orderby=Name")).toEqual([4, 2, 1, 3]);
    expect(ids("$orderby=TypeId desc,Name asc")).toEqual([2, 3, 4, 1]);
    expect(ids("$orderby=CompanyId,Id desc")).toEqual([4, 2, 3, 1]);
    expect(ids("$orderby=CompanyId desc,Id")).toEqual([1, 3, 2, 4]);
    // Id 2's "2026-01-01T22:00:00-03:00" is 01:00Z on Jan 2, after Id 1 despite sorting first as text.
    expect(ids("$orderby=CreateDate")).toEqual([4, 1, 2, 3]);
  });

  it("keeps the input order for ties and without $orderby", () => {
    expect(ids("$orderby=OwnerId")).toEqual([1, 2, 3, 4]);
    expect(ids("$orderby=Unknown desc")).toEqual([1, 2, 3, 4]);
  });

  it("applies $skip then $top after ordering, and counts before paging", () => {
    expect(ids("$orderby=Id desc&$top=2")).toEqual([4, 3]);
    expect(ids("$orderby=Id desc&$skip=1&$top=2")).toEqual([3, 2]);
    expect(ids("$skip=3")).toEqual([4]);
    expect(ids("$skip=10")).toEqual([]);
    expect(ids("$top=0")).toEqual([]);
    expect(applyODataQuery(contacts, parse("$filter=TypeId eq 2&$top=1&$count=true")).count).toBe(2);
  });
});

describe("applyODataQuery: $select", () => {
  it("keeps only the requested keys, in request order", () => {
    const { value } = applyODataQuery(contacts, parse("$select=Name,Id&$top=1"));
    expect(value).toEqual([{ Name: "Beta", Id: 1 }]);
    expect(Object.keys(value[0] ?? {})).toEqual(["Name", "Id"]);
  });

  it("returns unknown selected properties as null", () => {
    expect(applyODataQuery(contacts, parse("$select=Id,Nope&$top=1")).value).toEqual([{ Id: 1, Nope: null }]);
  });

  it("does not leak inherited members", () => {
    expect(applyODataQuery(contacts, parse("$select=constructor&$top=1")).value).toEqual([{ constructor: null }]);
  });
});

describe("applyODataQuery: $expand", () => {
  const companies = [{ Id: 10, Name: "Acme", OwnerId: 101 }];
  const users = [
    { Id: 100, Name: "Ana", Email: "ana@x.com" },
    { Id: 101, Name: "Bruno", Email: "bruno@x.com" },
  ];
  const pipelines = [
    {
      Id: 3,
      Name: "Sales",
      Stages: [
        { Id: 31, Name: "Lead", Ordination: 2 },
        { Id: 30, Name: "New", Ordination: 1 },
        { Id: 32, Name: "Won", Ordination: 3 },
      ],
    },
  ];

  // Mirrors how the sandbox is expected to resolve relations: find, then shape with the engine.
  const expand: ExpandResolver = (record, navigationProperty, nestedQuery) => {
    const related = (() => {
      switch (navigationProperty) {
        case "Company":
          return companies.find((company) => company.Id === record.CompanyId) ?? null;
        case "Owner":
          return users.find((user) => user.Id === record.OwnerId) ?? null;
        case "Stages":
          return record.Stages;
        default:
          throw new ODataQueryError("$expand", `Invalid $expand: ${navigationProperty} is not a navigation property`);
      }
    })();
    return applyNestedQuery(related, nestedQuery, { expand });
  };

  it("adds expanded properties next to the selected ones", () => {
    const { value } = applyODataQuery(contacts, parse("$select=Id&$expand=Company($select=Name),Owner&$top=2"), {
      expand,
    });
    expect(value).toEqual([
      { Id: 1, Company: { Name: "Acme" }, Owner: users[0] },
      { Id: 2, Company: null, Owner: users[0] },
    ]);
  });

  it("applies nested options to expanded collections with the same engine", () => {
    const { value } = applyODataQuery(
      pipelines,
      parse("$select=Id,Name&$expand=Stages($select=Id,Name;$orderby=Ordination)"),
      { expand },
    );
    expect(value).toEqual([
      {
        Id: 3,
        Name: "Sales",
        Stages: [
          { Id: 30, Name: "New" },
          { Id: 31, Name: "Lead" },
          { Id: 32, Name: "Won" },
        ],
      },
    ]);
  });

  it("filters, orders and pages expanded collections", () => {
    const { value } = applyODataQuery(
      pipelines,
      parse("$select=Id&$expand=Stages($filter=Ordination gt 1;$orderby=Ordination desc;$top=1;$select=Name)"),
      { expand },
    );
    expect(value).toEqual([{ Id: 3, Stages: [{ Name: "Won" }] }]);
  });

  it("resolves nested expands", () => {
    const { value } = applyODataQuery(
      contacts,
      parse("$filter=Id eq 3&$select=Id&$expand=Company($select=Name;$expand=Owner($select=Email))"),
      { expand },
    );
    expect(value).toEqual([{ Id: 3, Company: { Name: "Acme", Owner: { Email: "bruno@x.com" } } }]);
  });

  it("lets the resolver reject an unknown navigation property", () => {
    expect(() => applyODataQuery(contacts, parse("$expand=Deals"), { expand })).toThrow(ODataQueryError);
  });

  it("rejects $expand when no resolver is given", () => {
    expect(() => applyODataQuery(contacts, parse("$expand=Company"))).toThrow(
      "Invalid $expand: Company cannot be expanded here",
    );
  });
});

describe("applyNestedQuery", () => {
  it("passes null and primitive collections through", () => {
    const query = parse("$select=Id");
    expect(applyNestedQuery(null, query)).toBeNull();
    expect(applyNestedQuery(undefined, query)).toBeNull();
    expect(applyNestedQuery(["a", "b"], query)).toEqual(["a", "b"]);
    expect(applyNestedQuery(5, query)).toBe(5);
  });

  it("projects a single related record", () => {
    expect(applyNestedQuery({ Id: 1, Name: "x" }, parse("$select=Name"))).toEqual({ Name: "x" });
  });
});
