import bcrypt from "bcryptjs";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

// Passwords: hashing and verifying, and the policy a new password must meet.

// Passwords are hashed with scrypt from node:crypto, which runs on libuv's threadpool: a burst of sign-ins no
// longer stalls the event loop that also answers JivoChat (bcryptjs hashed on it, docs/reliability.md). Hashes
// written before are bcrypt: they still verify, and a successful sign-in rewrites them as scrypt (needsRehash).
//
// Stored form: scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<key, base64url>

const SCRYPT = { log2N: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;
// 128 · N · r bytes of memory per hash (32 MiB here); Node's default ceiling is exactly that, so leave room.
const MAX_MEMORY = 64 * 1024 * 1024;

// The longest password accepted anywhere (the KDF reads every byte; the cap only bounds the work per attempt).
export { MAX_PASSWORD_LENGTH } from "./account-schemas";

// At most this many hashes are on the threadpool at once; the others wait their turn here. libuv's pool has 4
// threads shared with file system, DNS and zlib work: a flood of sign-ins must not take all of them (nor 32 MiB
// per queued hash), so requests that need the pool for anything else still find a thread. Two keep both cores busy.
export const HASH_CONCURRENCY = 2;
let hashing = 0;
let peakHashing = 0;
const waiting: (() => void)[] = [];

/** The most hashes seen on the threadpool at once since the last call (for tests). */
export function takePeakHashing(): number {
  const peak = peakHashing;
  peakHashing = hashing;
  return peak;
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else hashing += 1;
  peakHashing = Math.max(peakHashing, hashing);
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter (the count stays), or is freed.
    const next = waiting.shift();
    if (next) next();
    else hashing -= 1;
  }
}

function deriveKey(password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> {
  return withHashSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(
          password.normalize("NFC"),
          salt,
          options.keyLength,
          { N: options.N, r: options.r, p: options.p, maxmem: MAX_MEMORY },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await deriveKey(password, salt, {
    N: 2 ** SCRYPT.log2N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    keyLength: SCRYPT.keyLength,
  });
  return ["scrypt", SCRYPT.log2N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// Compared against when the e-mail is unknown, so a missing account costs as much as a wrong password.
let dummyHash: Promise<string> | null = null;

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, log2N, r, p, salt, key] = stored.split("$");
  const expected = Buffer.from(key ?? "", "base64url");
  if (!expected.length) return false;
  const actual = await deriveKey(password, Buffer.from(salt ?? "", "base64url"), {
    N: 2 ** Number(log2N),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  });
  return timingSafeEqual(actual, expected);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyScrypt(password, await dummyHash);
    return false;
  }
  if (hash.startsWith("scrypt$")) return verifyScrypt(password, hash);
  if (/^\$2[aby]\$/.test(hash)) return bcrypt.compare(password, hash);
  return false;
}

/** True for a hash in an older scheme (bcrypt) or with weaker parameters: rewrite it after a successful sign-in. */
export function needsRehash(hash: string): boolean {
  const [scheme, log2N, r, p] = hash.split("$");
  return scheme !== "scrypt" || Number(log2N) < SCRYPT.log2N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

// Server-side only (the list is ~50k entries; forms check the length and blank passwords with passwordSchema).
// The list is zxcvbn-ts's "passwords-common" dictionary (@zxcvbn-ts/language-common), the most frequent
// passwords of public breach corpora, loaded once on first use.
let common: Promise<Set<string>> | null = null;

function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase())),
  );
  return common;
}

/** True when the password is one of the common ones (case-insensitive, surrounding spaces ignored). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.trim().toLowerCase());
}

/** For every path that sets a password: refuses a common one with a field error the forms show. */
export async function assertAcceptablePassword(password: string, field = "password"): Promise<void> {
  if (await isCommonPassword(password)) {
    throw new AppError("VALIDATION", "This password is too common: choose another one.", {
      fields: { [field]: "passwordCommon" },
    });
  }
}
