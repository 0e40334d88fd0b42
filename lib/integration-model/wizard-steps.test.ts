import { describe, expect, it } from "vitest";
import { BEHAVIOURS } from "./settings-schema";
import {
  STEP_SETTINGS,
  earliestStep,
  isStepCompleted,
  resumeStep,
  stepAfter,
  stepBefore,
  visibleSteps,
} from "./wizard-steps";

describe("wizard steps", () => {
  it("skips the funnel for behaviours that create no deal", () => {
    expect(visibleSteps("company_person_deal")).toEqual([
      "connection",
      "behaviour",
      "funnel",
      "mapping",
      "channels",
      "activate",
    ]);
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

  it("edits the owner on the behaviour step, which every behaviour passes through (a lead gets an owner too)", () => {
    const owning = Object.entries(STEP_SETTINGS).filter(([, keys]) =>
      keys.some((key) => key === "defaultOwnerId" || key === "ownerFromAgent"),
    );
    expect(owning).toEqual([["behaviour", expect.arrayContaining(["defaultOwnerId", "ownerFromAgent"])]]);
    for (const behaviour of BEHAVIOURS) expect(visibleSteps(behaviour)).toContain("behaviour");
  });
});
