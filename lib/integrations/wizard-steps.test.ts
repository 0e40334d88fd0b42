import { describe, expect, it } from "vitest";
import { earliestStep, isStepCompleted, resumeStep, stepAfter, stepBefore, visibleSteps } from "./wizard-steps";

describe("wizard steps", () => {
  it("skips the funnel for behaviours that create no deal", () => {
    expect(visibleSteps("company_person_deal")).toEqual(["connection", "behaviour", "funnel", "mapping", "channels", "activate"]);
    expect(visibleSteps("lead")).not.toContain("funnel");
    expect(stepAfter("behaviour", "lead")).toBe("mapping");
    expect(stepAfter("behaviour", "person_deal")).toBe("funnel");
    expect(stepBefore("mapping", "company_person")).toBe("behaviour");
    expect(stepBefore("connection", "lead")).toBeNull();
  });

  it("resumes at the next visible step and never past an unfinished one", () => {
    expect(resumeStep("funnel", "lead")).toBe("mapping");
    expect(resumeStep("funnel", "person_deal")).toBe("funnel");
    expect(earliestStep(["channels", null, "funnel"])).toBe("funnel");
    expect(earliestStep([null])).toBe("activate");
  });

  it("counts steps before the resume point as completed; all of them once live", () => {
    expect(isStepCompleted("connection", "behaviour", "draft")).toBe(true);
    expect(isStepCompleted("behaviour", "behaviour", "draft")).toBe(false);
    expect(isStepCompleted("channels", "connection", "paused")).toBe(true);
  });
});
