import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Tokens (webhook URL tokens, session-like secrets) are stored only as hashes, so a database leak does not
// hand out working URLs; the random part has enough entropy that a plain sha256 is sufficient.

/** sha256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** URL-safe random token; 24 bytes = 192 bits, 32 characters. */
export function randomToken(bytes = 24): string {
  if (!Number.isSafeInteger(bytes) || bytes < 16) throw new Error("A token needs at least 16 random bytes.");
  return randomBytes(bytes).toString("base64url");
}

/** Constant-time comparison; hashing first keeps the time independent of the lengths as well. */
export function safeEqual(a: string, b: string): boolean {
  const digestA = createHash("sha256").update(a, "utf8").digest();
  const digestB = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(digestA, digestB);
}
