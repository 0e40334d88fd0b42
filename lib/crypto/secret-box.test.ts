import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, encryptSecret, needsReEncryption } from "./secret-box";

const newKey = () => randomBytes(32).toString("base64");

const env = vi.hoisted(() => ({ ENCRYPTION_KEY: "", ENCRYPTION_KEY_PREVIOUS: undefined as string | undefined }));
vi.mock("@/lib/env", () => ({ env }));

beforeEach(() => {
  env.ENCRYPTION_KEY = newKey();
  env.ENCRYPTION_KEY_PREVIOUS = undefined;
});

function replacePart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split(".");
  parts[index] = change(parts[index] ?? "");
  return parts.join(".");
}

const flipFirstChar = (part: string) => (part[0] === "A" ? "B" : "A") + part.slice(1);

describe("secret box", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = "ploomes-user-key-ÁÉ-🔑";
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a)).toBe(secret);
    expect(decryptSecret(b)).toBe(secret);
    expect(decryptSecret(encryptSecret(""))).toBe("");
  });

  it("writes v1.<keyId>.<iv>.<tag>.<ciphertext> in base64url", () => {
    expect(encryptSecret("x")).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
  });

  it.each([
    ["ciphertext", 4],
    ["tag", 3],
    ["iv", 2],
  ])("detects a tampered %s", (_part, index) => {
    const sealed = encryptSecret("secret value");
    expect(() => decryptSecret(replacePart(sealed, index, flipFirstChar))).toThrow(/altered|malformed/);
  });

  it("refuses a truncated tag and a relabelled version", () => {
    const sealed = encryptSecret("secret value");
    expect(() => decryptSecret(replacePart(sealed, 3, (tag) => tag.slice(0, 8)))).toThrow(/malformed/);
    expect(() => decryptSecret(replacePart(sealed, 0, () => "v2"))).toThrow(/Not an encrypted secret/);
    expect(() => decryptSecret("plain text")).toThrow(/Not an encrypted secret/);
  });

  it("fails clearly under a different key", () => {
    const sealed = encryptSecret("secret value");
    env.ENCRYPTION_KEY = newKey();
    expect(() => decryptSecret(sealed)).toThrow(/unknown key/);
  });

  it("reads values of the previous key during a rotation and flags them for re-encryption", () => {
    const oldKey = env.ENCRYPTION_KEY;
    const sealedWithOld = encryptSecret("secret value");
    expect(needsReEncryption(sealedWithOld)).toBe(false);

    env.ENCRYPTION_KEY = newKey();
    env.ENCRYPTION_KEY_PREVIOUS = oldKey;
    expect(decryptSecret(sealedWithOld)).toBe("secret value");
    expect(needsReEncryption(sealedWithOld)).toBe(true);

    const resealed = encryptSecret(decryptSecret(sealedWithOld));
    expect(needsReEncryption(resealed)).toBe(false);
    env.ENCRYPTION_KEY_PREVIOUS = undefined;
    expect(decryptSecret(resealed)).toBe("secret value");
  });
});
