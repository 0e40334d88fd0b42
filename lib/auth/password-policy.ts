import { AppError } from "@/lib/errors/app-error";

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
    throw new AppError("VALIDATION", "This password is too common: choose another one.", { fields: { [field]: "passwordCommon" } });
  }
}
