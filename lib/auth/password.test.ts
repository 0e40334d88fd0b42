import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { HASH_CONCURRENCY, hashPassword, needsRehash, takePeakHashing, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt, salted, and verifies only the right password", async () => {
    const [one, two] = await Promise.all([hashPassword("senha-segura-123"), hashPassword("senha-segura-123")]);
    expect(one).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword("senha-segura-123", one)).toBe(true);
    expect(await verifyPassword("senha-segura-124", one)).toBe(false);
    expect(needsRehash(one)).toBe(false);
  });

  it("every byte counts (bcrypt ignored those past 72)", async () => {
    const long = "a".repeat(72);
    const hash = await hashPassword(`${long}1`);
    expect(await verifyPassword(`${long}2`, hash)).toBe(false);
    expect(await verifyPassword(`${long}1`, hash)).toBe(true);
  });

  it("still verifies an old bcrypt hash, and asks for it to be rewritten", async () => {
    const legacy = await bcrypt.hash("senha-antiga-1", 4);
    expect(await verifyPassword("senha-antiga-1", legacy)).toBe(true);
    expect(await verifyPassword("senha-antiga-2", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash("scrypt$14$8$1$c2FsdA$a2V5")).toBe(true);
  });

  it("a missing or unknown hash never verifies", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it(`keeps at most ${HASH_CONCURRENCY} hashes on the threadpool however many sign-ins arrive at once`, async () => {
    const hash = await hashPassword("senha-segura-123");
    takePeakHashing();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) => verifyPassword(n % 2 ? "senha-segura-123" : "errada-123456", hash)),
    );
    expect(results).toEqual([false, true, false, true, false, true, false, true]);
    expect(takePeakHashing()).toBe(HASH_CONCURRENCY);
  });
});
