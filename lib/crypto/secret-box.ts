import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Encrypts secrets at rest (the Ploomes User-Key). The key id inside each value says which key sealed it, so
// during a rotation (ENCRYPTION_KEY new, ENCRYPTION_KEY_PREVIOUS old) old values still open and can be
// re-encrypted lazily. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, parts in base64url.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Key = { id: string; bytes: Buffer };

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

// Read on every call, so tests and a rotated environment never see a stale key.
function keys(): { current: Key; all: Key[] } {
  const current = toKey(env.ENCRYPTION_KEY);
  const previous = env.ENCRYPTION_KEY_PREVIOUS ? toKey(env.ENCRYPTION_KEY_PREVIOUS) : undefined;
  return { current, all: previous ? [current, previous] : [current] };
}

export function encryptSecret(plain: string): string {
  const { current } = keys();
  const iv = randomBytes(IV_BYTES);
  const header = `${VERSION}.${current.id}`;
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv, { authTagLength: TAG_BYTES });
  // The header is authenticated too, so a value cannot be relabelled with another key id or version.
  cipher.setAAD(Buffer.from(header));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [header, ...parts].join(".");
}

function parse(sealed: string) {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(".");
  const complete = keyId && iv !== undefined && tag !== undefined && ciphertext !== undefined && rest.length === 0;
  if (version !== VERSION || !complete) {
    throw new Error("Not an encrypted secret (expected v1.<keyId>.<iv>.<tag>.<ciphertext>).");
  }
  return {
    header: `${version}.${keyId}`,
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
}

export function decryptSecret(sealed: string): string {
  const { header, keyId, iv, tag, ciphertext } = parse(sealed);
  const key = keys().all.find((candidate) => candidate.id === keyId);
  if (!key) {
    throw new Error(`Secret was encrypted with an unknown key (${keyId}); set ENCRYPTION_KEY_PREVIOUS to that key.`);
  }
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("Encrypted secret is malformed.");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(header));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Encrypted secret failed authentication: it was altered or sealed with a different key.");
  }
}

/** True when the value was sealed with a key other than the current one (rewrite it after decrypting). */
export function needsReEncryption(sealed: string): boolean {
  return parse(sealed).keyId !== keys().current.id;
}
