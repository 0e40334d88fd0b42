import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./safe-callback";

const APP = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/\\evil.example/phish"],
    ["/\t/evil.example"],
    ["/%09/evil.example"].map(decodeURIComponent),
    ["//evil.example"],
    ["/.//evil.example"],
    ["\\\\evil.example"],
    ["https://evil.example/"],
    ["http://localhost:3001/integrations"],
    ["javascript:alert(1)"],
    [" //evil.example"],
    ["/\n/evil.example"],
  ])("refuses %j", (value) => {
    const path = safeCallbackPath(value, APP);
    expect(path).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["/events?status=failed#top", "/events?status=failed#top"],
    ["/integrations/abc", "/integrations/abc"],
    [`${APP}/users`, "/users"],
    ["users", "/users"],
  ])("keeps the same-origin %j", (value, expected) => {
    expect(safeCallbackPath(value, APP)).toBe(expected);
  });

  it("falls back without a value", () => {
    expect(safeCallbackPath(undefined, APP)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath("", APP)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("whatever it returns stays on the app's origin when the browser resolves it", () => {
    for (const value of ["/\\\\a", "/..//b.example", "/%2F/c.example", "/\\/d.example", "///e.example"]) {
      expect(new URL(safeCallbackPath(value, APP), APP).origin).toBe(APP);
    }
  });
});
