import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

// Every page answer gets a Content-Security-Policy with a fresh nonce (Next applies it to the scripts it renders,
// reading it from the request's CSP header), a Permissions-Policy, and HSTS when APP_URL is https
// (lib/http/security-headers.ts). JivoChat deliveries skip this (scripts/serve.ts sets their headers).
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(nonce, { dev: env.NODE_ENV === "development", appUrl: appUrl() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/webhooks|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
