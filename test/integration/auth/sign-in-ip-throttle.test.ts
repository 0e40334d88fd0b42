import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { SOCKET_ADDRESS_HEADER, recordSocketAddress } from "@/lib/auth/client-address";
import { systemDb } from "@/lib/db/client";

const settings = vi.hoisted(() => ({ trustProxy: 0 }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  // One failure locks an e-mail, four lock an IP: every attempt below uses a new e-mail, so only the IP key can lock.
  return {
    ...original,
    env: {
      ...original.env,
      LOGIN_MAX_FAILURES: 1,
      get TRUST_PROXY() {
        return settings.trustProxy;
      },
    },
  };
});

const IP_LIMIT = 4;
const { authorize } = (authOptions.providers[0] as CredentialsConfig).options;
let server: Server;
let url: string;
let attempt = 0;

// Sign-in over a real socket, as far as next-auth hands it to authorize: the request's headers, after Next.js has
// filled X-Forwarded-For from the socket when the client sent none.
beforeAll(async () => {
  recordSocketAddress();
  server = createServer((request, response) => {
    request.headers["x-forwarded-for"] ??= request.socket.remoteAddress;
    authorize({ email: request.headers["x-email"] as string, password: "wrong-password" }, { headers: request.headers })
      .then(() => response.end("signed-in"))
      .catch((error: Error) => response.end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await systemDb.loginThrottle.deleteMany({ where: { key: { startsWith: "ip:" } } });
});

beforeEach(async () => {
  await systemDb.loginThrottle.deleteMany({ where: { key: { startsWith: "ip:" } } });
});

async function signIn(headers: Record<string, string>): Promise<string> {
  attempt += 1;
  const response = await fetch(url, {
    headers: { ...headers, "x-email": `nobody-${attempt}-${Date.now()}@example.com` },
  });
  return response.text();
}

describe("per-IP sign-in throttle", () => {
  it("TRUST_PROXY off: a new X-Forwarded-For (or a forged socket header) on every try does not escape it", async () => {
    settings.trustProxy = 0;
    const forged = (n: number) => ({ "x-forwarded-for": `203.0.113.${n}`, [SOCKET_ADDRESS_HEADER]: `198.51.100.${n}` });
    for (let n = 1; n <= IP_LIMIT; n++) expect(await signIn(forged(n))).toBe("invalid_credentials");
    expect(await signIn(forged(99))).toBe("too_many_attempts");

    const keys = await systemDb.loginThrottle.findMany({ where: { key: { startsWith: "ip:" } } });
    expect(keys.map((row) => row.key)).toEqual(["ip:127.0.0.1"]);
    expect(keys[0]!.lockedUntil).not.toBeNull();
  });

  it("TRUST_PROXY=1: the address the proxy appended is the client's, whatever is forged left of it", async () => {
    settings.trustProxy = 1;
    const viaProxy = (forged: string, client: string) => ({ "x-forwarded-for": `${forged}, ${client}` });
    for (let n = 1; n <= IP_LIMIT; n++)
      expect(await signIn(viaProxy(`6.6.6.${n}`, "203.0.113.50"))).toBe("invalid_credentials");
    expect(await signIn(viaProxy("6.6.6.99", "203.0.113.50"))).toBe("too_many_attempts");
    // Another client behind the same proxy (the same socket address) is not locked with it.
    expect(await signIn(viaProxy("6.6.6.6", "203.0.113.51"))).toBe("invalid_credentials");

    const keys = await systemDb.loginThrottle.findMany({
      where: { key: { startsWith: "ip:" } },
      orderBy: { key: "asc" },
    });
    expect(keys.map((row) => [row.key, row.lockedUntil !== null])).toEqual([
      ["ip:203.0.113.50", true],
      ["ip:203.0.113.51", false],
    ]);
  });
});
