import { beforeEach, describe, expect, it, vi } from "vitest";
import { validateBaseUrl } from "./base-url";

const mocks = vi.hoisted(() => ({
  env: { NODE_ENV: "production", PLOOMES_ALLOW_PRIVATE_URLS: false } as {
    NODE_ENV: string;
    PLOOMES_ALLOW_PRIVATE_URLS: boolean;
  },
  dns: new Map<string, string[]>(),
}));

vi.mock("@/lib/env", () => ({ env: mocks.env }));
vi.mock("node:dns/promises", () => ({
  lookup: async (host: string) => {
    const addresses = mocks.dns.get(host);
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  },
}));

beforeEach(() => {
  mocks.env.NODE_ENV = "production";
  mocks.env.PLOOMES_ALLOW_PRIVATE_URLS = false;
  mocks.dns.clear();
  mocks.dns.set("api2.ploomes.com", ["104.18.1.1"]);
  mocks.dns.set("internal.example", ["93.184.216.34", "10.1.2.3"]);
  mocks.dns.set("v6only.example", ["fd12::1"]);
});

describe("validateBaseUrl in production", () => {
  it.each([
    ["https://api2.ploomes.com", "https://api2.ploomes.com"],
    ["https://api2.ploomes.com/", "https://api2.ploomes.com"],
    ["  HTTPS://API2.Ploomes.com:443/v2//  ", "https://api2.ploomes.com/v2"],
    ["https://8.8.8.8", "https://8.8.8.8"],
    ["https://[2001:4860:4860::8888]/", "https://[2001:4860:4860::8888]"],
  ])("accepts %s", async (url, normalised) => {
    await expect(validateBaseUrl(url, { allowPrivate: false })).resolves.toBe(normalised);
  });

  it.each([
    ["http://api2.ploomes.com", /https/],
    ["https://127.0.0.1", /private or local/],
    ["https://127.1.2.3:8443", /private or local/],
    ["https://10.0.0.5", /private or local/],
    ["https://172.20.1.1", /private or local/],
    ["https://192.168.1.10", /private or local/],
    ["https://169.254.169.254", /private or local/],
    ["https://0.0.0.0", /private or local/],
    ["https://2130706433", /private or local/],
    ["https://[::1]", /private or local/],
    ["https://[::ffff:127.0.0.1]", /private or local/],
    ["https://[fc00::1]", /private or local/],
    ["https://[fe80::1]", /private or local/],
    ["https://[64:ff9b::7f00:1]", /private or local/],
    ["https://[64:ff9b::a00:5]", /private or local/],
    ["https://[2002:7f00:1::1]", /private or local/],
    ["https://[2002:c0a8:10a::]", /private or local/],
    ["https://[::ffff:0:a00:5]", /private or local/],
    ["https://192.0.0.170", /private or local/],
    ["https://198.18.0.1", /private or local/],
    ["https://198.19.255.254", /private or local/],
    ["https://localhost:3000", /private or local/],
    ["https://localhost.", /private or local/],
    ["https://api.localhost", /private or local/],
    ["https://internal.example", /private or local/],
    ["https://v6only.example", /private or local/],
    ["https://nowhere.example", /could not be resolved/],
    ["api2.ploomes.com", /absolute URL/],
    ["ftp://api2.ploomes.com", /https:\/\//],
    ["https://user:pass@api2.ploomes.com", /user name or password/],
    ["https://api2.ploomes.com/?x=1", /query/],
  ])("refuses %s", async (url, message) => {
    await expect(validateBaseUrl(url, { allowPrivate: false })).rejects.toThrow(message);
  });

  it("accepts private and plain-http addresses for the built-in sandbox", async () => {
    await expect(validateBaseUrl("http://localhost:3000/api/sandbox/", { allowPrivate: true })).resolves.toBe(
      "http://localhost:3000/api/sandbox",
    );
    await expect(validateBaseUrl("http://10.0.0.5", { allowPrivate: true })).resolves.toBe("http://10.0.0.5");
  });

  it("accepts them when PLOOMES_ALLOW_PRIVATE_URLS is set", async () => {
    mocks.env.PLOOMES_ALLOW_PRIVATE_URLS = true;
    await expect(validateBaseUrl("http://192.168.0.2:8080")).resolves.toBe("http://192.168.0.2:8080");
  });
});

describe("validateBaseUrl outside production", () => {
  it("accepts local addresses and http", async () => {
    mocks.env.NODE_ENV = "development";
    await expect(validateBaseUrl("http://127.0.0.1:4010/")).resolves.toBe("http://127.0.0.1:4010");
  });

  it("still requires an absolute http(s) URL", async () => {
    mocks.env.NODE_ENV = "test";
    await expect(validateBaseUrl("/relative")).rejects.toThrow(/absolute URL/);
    await expect(validateBaseUrl("javascript:alert(1)")).rejects.toThrow(/https:\/\//);
  });
});
