import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("scripts only with the request's nonce (and what they load), nothing inline or foreign", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: false });
    const scripts = csp.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("HSTS (and upgrade-insecure-requests) only when APP_URL is https; Permissions-Policy always", () => {
    const plain = securityHeaders("n", { dev: false, appUrl: "http://localhost:3000" });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Permissions-Policy"]).toMatch(/camera=\(\).*geolocation=\(\)/);
    const secure = securityHeaders("n", { dev: false, appUrl: "https://hub.example.com.br" });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});
