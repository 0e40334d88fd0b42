import { describe, expect, it } from "vitest";
import { normalizeSettings, readDraftSettings, firstIncompleteStep, settingsStepIssues } from "./draft-settings";

describe("step validation from the settings schema", () => {
  const defaults = normalizeSettings({});

  it("reports only the step's own problems, with their paths", () => {
    const settings = {
      ...defaults,
      behaviour: "company_person_deal",
      pipelineId: null,
      mappings: [{ source: "visitor.name", entity: "person", field: "Bogus" }],
    };
    expect(settingsStepIssues("funnel", settings)).toEqual({
      pipelineId: "pipelineRequired",
      stageId: "stageRequired",
    });
    expect(settingsStepIssues("mapping", settings)).toEqual({ "mappings.0.field": "unknownTarget" });
    expect(settingsStepIssues("behaviour", settings)).toEqual({});
    expect(firstIncompleteStep(settings, ["behaviour", "funnel", "mapping"])).toBe("funnel");
    expect(firstIncompleteStep({ ...defaults, behaviour: "lead" }, ["behaviour", "mapping", "channels"])).toBeNull();
  });

  it("reports a broken owner on the behaviour step, not on the funnel step", () => {
    const settings = { ...defaults, behaviour: "lead", defaultOwnerId: -4 };
    expect(Object.keys(settingsStepIssues("behaviour", settings))).toEqual(["defaultOwnerId"]);
    expect(settingsStepIssues("funnel", settings)).toEqual({});
    expect(firstIncompleteStep(settings, ["behaviour", "mapping", "channels"])).toBe("behaviour");
  });

  it("reads a draft leniently: a broken value falls back to its default, the rest is kept", () => {
    const settings = readDraftSettings(JSON.stringify({ behaviour: "nonsense", stageId: "7", widgetIds: "x" }));
    expect(settings).toMatchObject({ behaviour: "company_person_deal", stageId: 7, widgetIds: [] });
    expect(readDraftSettings("{not json")).toEqual(defaults);
  });
});
