import { describe, expect, it } from "vitest";
import { requestOrigin } from "./http";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("requestOrigin", () => {
  it("names the host the client wrote, not the server's bind address", () => {
    expect(requestOrigin(request("http://0.0.0.0:3000/sandbox/ploomes/api/Users", { host: "localhost:3103" }), 0)).toBe(
      "http://localhost:3103",
    );
    expect(requestOrigin(request("http://0.0.0.0:3000/x", { host: "[::1]:8080" }), 0)).toBe("http://[::1]:8080");
  });

  it("falls back to the URL's host when the Host header is missing or malformed", () => {
    expect(requestOrigin(request("http://127.0.0.1:4000/x"), 0)).toBe("http://127.0.0.1:4000");
    expect(requestOrigin(request("http://127.0.0.1:4000/x", { host: "evil.example/path?" }), 0)).toBe(
      "http://127.0.0.1:4000",
    );
  });

  it("believes X-Forwarded-Host and -Proto only behind a trusted proxy", () => {
    const behind = request("http://0.0.0.0:3000/x", {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "hub.example.com.br, inner",
      "x-forwarded-proto": "https",
    });
    expect(requestOrigin(behind, 1)).toBe("https://hub.example.com.br");
    expect(requestOrigin(behind, 0)).toBe("http://10.0.0.5:3000");
    const odd = request("http://0.0.0.0:3000/x", { host: "hub.example", "x-forwarded-proto": "gopher" });
    expect(requestOrigin(odd, 1)).toBe("http://hub.example");
  });
});
