// Response headers that tell the browser what this app's pages may do. The Content-Security-Policy carries a
// fresh nonce per request (proxy.ts), as Next.js documents: Next puts it on every script it renders, and
// 'strict-dynamic' lets those load the app's chunks; an injected <script> without it does not run.

/** Powerful browser features the app never uses, refused for its pages and anything they embed. */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "interest-cohort=()",
].join(", ");

/** One year; sent only when the app's public address is https (a browser ignores it over http anyway). */
export const HSTS = "max-age=31536000";

export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: the Tailwind stylesheet, and style attributes (chart positions).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers for one page response (and the request headers Next reads the nonce from). */
export function securityHeaders(nonce: string, options: { dev: boolean; appUrl: string }): Record<string, string> {
  const https = options.appUrl.startsWith("https://");
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { dev: options.dev, https }),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
