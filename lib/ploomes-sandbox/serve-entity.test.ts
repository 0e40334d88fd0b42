import { describe, expect, it } from "vitest";
import { parseSandboxPath } from "./serve-entity";

describe("parseSandboxPath", () => {
  it("reads entity sets, with and without a key", () => {
    expect(parseSandboxPath(["Contacts"])).toEqual({ entity: "Contacts", id: null });
    expect(parseSandboxPath(["Contacts(12)"])).toEqual({ entity: "Contacts", id: 12 });
    expect(parseSandboxPath(["Deals@Stages"])).toEqual({ entity: "Deals@Stages", id: null });
    expect(parseSandboxPath(["Contacts@Origins(3)"])).toEqual({ entity: "Contacts@Origins", id: 3 });
  });

  it("refuses what cannot name a resource", () => {
    for (const segments of [
      [],
      ["Contacts", "12"],
      ["Contacts()"],
      ["Contacts(0)"],
      ["Contacts(-1)"],
      ["Contacts(1.5)"],
      ["Contacts('a')"],
      ["Contacts(2147483648)"],
      ["Contacts(99999999999)"],
      ["@Origins"],
      ["Contacts@"],
      ["$metadata"],
      [""],
    ]) {
      expect(parseSandboxPath(segments)).toBeNull();
    }
  });
});
