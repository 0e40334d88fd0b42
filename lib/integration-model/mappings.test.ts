import { describe, expect, it } from "vitest";
import { mappingTypeIssues, type CustomTarget, fitMappings, initialMappings, targetEntities } from "./mappings";

describe("mapping targets", () => {
  const fields: CustomTarget[] = [
    { key: "contact_A", name: "Origem", entity: "person", nativeType: "String" },
    { key: "contact_B", name: "Funcionários", entity: "person", nativeType: "Integer" },
  ];

  it("flags values that cannot convert and targets Ploomes does not have", () => {
    const issues = mappingTypeIssues(
      [
        { source: "session.utm.campaign", entity: "person", field: "custom:contact_A" },
        { source: "visitor.email", entity: "person", field: "custom:contact_B" },
        { source: "visitor.name", entity: "company", field: "custom:contact_A" },
        { source: "visitor.email", entity: "deal", field: "Amount" },
        { source: "chat_id", entity: "deal", field: "Amount" },
      ],
      fields,
    );
    expect(issues).toEqual({
      "mappings.1.field": "typeMismatch",
      "mappings.2.field": "unknownTarget",
      "mappings.3.field": "typeMismatch",
    });
  });

  it("offers lead targets when offline messages become leads, and refits mappings on a behaviour change", () => {
    expect(targetEntities({ behaviour: "person_deal", offlineBehaviour: "lead" })).toEqual(["person", "deal", "lead"]);
    expect(targetEntities({ behaviour: "person_deal", offlineBehaviour: "same" })).toEqual(["person", "deal"]);
    const start = initialMappings({ behaviour: "company_person_deal", offlineBehaviour: "same" });
    const custom = { source: "session.utm.campaign", entity: "person", field: "custom:contact_A" } as const;
    const refit = fitMappings([...start, custom], { behaviour: "person_deal", offlineBehaviour: "lead" });
    expect(refit).toContainEqual(custom);
    expect(refit.some((mapping) => mapping.entity === "company")).toBe(false);
    expect(refit.filter((mapping) => mapping.entity === "lead").length).toBeGreaterThan(0);
  });
});
