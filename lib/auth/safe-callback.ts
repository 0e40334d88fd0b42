/** Where a signed-in user goes when the sign-in link names no (acceptable) destination. */
export const DEFAULT_AFTER_SIGN_IN = "/integrations";

/**
 * The path to send a user to after sign-in, from a `callbackUrl` someone else may have written. Parsed the way the
 * browser will parse it (`new URL(value, appUrl)`, which reads `/\evil.example` and `/\t/evil.example` as another
 * host) and accepted only when it stays on the app's own origin; returned as a path, never as a full URL.
 */
export function safeCallbackPath(value: string | null | undefined, appUrl: string): string {
  if (!value || typeof value !== "string") return DEFAULT_AFTER_SIGN_IN;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(value, base);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (target.origin !== base.origin) return DEFAULT_AFTER_SIGN_IN;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "//host" (e.g. from "/.//host") is another origin once the browser reads it as a relative URL.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, base).origin !== base.origin)
    return DEFAULT_AFTER_SIGN_IN;
  return path;
}
