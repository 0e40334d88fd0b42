import { describe, expect, it } from "vitest";
import { forgetEarlierMisses } from "./sync-outcome";

describe("forgetEarlierMisses", () => {
  it("drops what earlier attempts did not find, keeps what they found and what this attempt did not find", () => {
    const outcome = {
      person: { id: null, how: "none" as const, attempt: 1 },
      company: { id: 7, how: "name" as const, attempt: 1 },
      openDeal: { id: null, title: null, attempt: 2 },
      leadLookup: { id: null, attempt: 1 },
      interaction: { id: 9 },
    };
    expect(forgetEarlierMisses(outcome, 2)).toEqual({
      company: outcome.company,
      openDeal: outcome.openDeal,
      interaction: { id: 9 },
    });
  });
});
