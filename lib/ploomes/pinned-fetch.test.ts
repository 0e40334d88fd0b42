import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PloomesError } from "./errors";
import { pinnedFetch, PrivateAddressError } from "./pinned-fetch";
import { MAX_RESPONSE_BYTES, sendPloomesRequest } from "./send-ploomes-request";

// A name server whose answers the test writes, for the call-time lookups (node:dns). Every name resolves to
// what `answers` says at the moment of the call: a rebinding host changes its answer between two calls.
const dns = vi.hoisted(() => ({ answers: new Map<string, string[]>(), lookups: 0 }));
vi.mock("node:dns", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:dns")>();
  const lookup = (
    host: string,
    options: unknown,
    callback: (error: Error | null, addresses: { address: string; family: number }[]) => void,
  ) => {
    dns.lookups += 1;
    const addresses = dns.answers.get(host);
    if (!addresses)
      return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }), []);
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  };
  return { ...original, default: { ...original, lookup }, lookup };
});

let server: Server;
let port: number;
const seen: { host?: string; url?: string }[] = [];
let bigAnswer: "chunked" | "declared" | null = null;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ host: request.headers.host, url: request.url });
    if (bigAnswer === "declared") {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(400 * 1024 * 1024) });
      response.write("{");
      return;
    }
    if (bigAnswer === "chunked") {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      response.on("close", () => response.destroy());
      return pump();
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ value: [{ Id: 1, Name: "Conta" }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  bigAnswer = null;
  dns.answers.clear();
  dns.lookups = 0;
});

const transport = (baseUrl: string, allowPrivate: boolean) => ({
  baseUrl,
  apiKey: "key-123",
  timeoutMs: 5_000,
  fetchImpl: pinnedFetch({ allowPrivate }),
});

describe("pinnedFetch", () => {
  it("refuses a private address literal without connecting", async () => {
    await expect(pinnedFetch({ allowPrivate: false })(`http://127.0.0.1:${port}/Account`)).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    await expect(pinnedFetch({ allowPrivate: false })(`http://[::ffff:7f00:1]:${port}/Account`)).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    expect(seen).toEqual([]);
  });

  it("DNS rebinding: whatever the host answered when the URL was saved, a private answer at call time is refused and nothing reaches the private host", async () => {
    dns.answers.set("ploomes.rebind.example", ["127.0.0.1"]);
    const error = await sendPloomesRequest(transport(`http://ploomes.rebind.example:${port}`, false), {
      method: "GET",
      path: "/Account",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PloomesError);
    expect(error).toMatchObject({ kind: "bad_request", retryable: false });
    expect((error as Error).message).toContain("private or local address (127.0.0.1)");
    expect(seen).toEqual([]);
  });

  it("a host with one public and one private answer is refused (the connection could pick either)", async () => {
    dns.answers.set("mixed.example", ["93.184.216.34", "10.0.0.7"]);
    await expect(pinnedFetch({ allowPrivate: false })(`http://mixed.example:${port}/`)).rejects.toMatchObject({
      cause: expect.any(PrivateAddressError),
    });
  });

  it("connects to exactly the address it resolved and checked (allowed here: the app's own sandbox)", async () => {
    dns.answers.set("sandbox.internal.example", ["127.0.0.1"]);
    const { status, json } = await sendPloomesRequest(transport(`http://sandbox.internal.example:${port}`, true), {
      method: "GET",
      path: "/Account?$top=1",
    });
    expect(status).toBe(200);
    expect(json).toEqual({ value: [{ Id: 1, Name: "Conta" }] });
    expect(seen).toEqual([{ host: `sandbox.internal.example:${port}`, url: "/Account?$top=1" }]);
    expect(dns.lookups).toBe(1);
  });
});

describe("response size", () => {
  it.each(["declared", "chunked"] as const)(
    "an answer past the limit (%s) is refused with a clear error, not read whole",
    async (kind) => {
      bigAnswer = kind;
      const error = await sendPloomesRequest(transport(`http://127.0.0.1:${port}`, true), {
        method: "GET",
        path: "/Contacts",
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
      expect((error as Error).message).toContain(`larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    },
  );
});
