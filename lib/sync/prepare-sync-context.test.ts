import { describe, expect, it } from "vitest";
import { chooseOwner } from "./prepare-sync-context";

const users = [
  { Id: 1, Name: "João", Email: "joao@vendas.example", Suspended: false },
  { Id: 2, Name: "Ana", Email: "ana@vendas.example" },
  { Id: 3, Name: "Rafael", Email: "rafael@vendas.example", Suspended: true },
];
const settings = (defaultOwnerId: number | null, ownerFromAgent = true) => ({ defaultOwnerId, ownerFromAgent });

describe("chooseOwner", () => {
  it("takes the agent when they are a Ploomes user, by e-mail whatever its case", () => {
    expect(chooseOwner(users, settings(2), "JOAO@vendas.example")).toEqual({ ownerId: 1, warnings: [] });
  });

  it("takes the default owner when the agent is no user, or when the agent is not wanted", () => {
    expect(chooseOwner(users, settings(2), "outro@x.example")).toEqual({ ownerId: 2, warnings: [] });
    expect(chooseOwner(users, settings(2, false), "joao@vendas.example")).toEqual({ ownerId: 2, warnings: [] });
    expect(chooseOwner(users, settings(null), null)).toEqual({ ownerId: null, warnings: [] });
  });

  it("never chooses a suspended user: a suspended agent falls to the default owner", () => {
    expect(chooseOwner(users, settings(2), "rafael@vendas.example")).toEqual({
      ownerId: 2,
      warnings: ["agent_suspended"],
    });
  });

  it("never chooses a suspended default owner: nobody, with a warning", () => {
    expect(chooseOwner(users, settings(3), null)).toEqual({ ownerId: null, warnings: ["default_owner_suspended"] });
    expect(chooseOwner(users, settings(3), "rafael@vendas.example")).toEqual({
      ownerId: null,
      warnings: ["agent_suspended", "default_owner_suspended"],
    });
    // A default owner Ploomes no longer lists is left to the health check (owner_missing), as before.
    expect(chooseOwner(users, settings(99), null)).toEqual({ ownerId: 99, warnings: [] });
  });
});
