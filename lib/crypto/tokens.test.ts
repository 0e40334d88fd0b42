import { describe, expect, it } from "vitest";
import { hashToken, randomToken, safeEqual } from "./tokens";

describe("tokens", () => {
  it("hashes with sha256 hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("makes distinct URL-safe tokens of the requested size", () => {
    const token = randomToken();
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(randomToken()).not.toBe(token);
    expect(randomToken(32)).toHaveLength(43);
    expect(() => randomToken(4)).toThrow();
  });

  it.each([
    ["same", "same", true],
    ["same", "Same", false],
    ["short", "a much longer string", false],
    ["", "", true],
  ])("safeEqual(%j, %j) = %s", (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});
