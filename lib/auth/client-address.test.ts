import { describe, expect, it } from "vitest";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "./client-address";

const headers = (forwarded: string | null, socket: string | null) => ({
  ...(forwarded === null ? {} : { "x-forwarded-for": forwarded }),
  ...(socket === null ? {} : { [SOCKET_ADDRESS_HEADER]: socket }),
});

describe("clientAddress", () => {
  it.each([
    // No trusted proxy: whatever the client wrote in X-Forwarded-For, the connection's address.
    ["no proxy, forged X-Forwarded-For", headers("203.0.113.7", "198.51.100.2"), 0, "198.51.100.2"],
    ["no proxy, no socket address (request queued at start-up)", headers("203.0.113.7", null), 0, null],
    // One proxy: it appended the address that connected to it; anything left of that is the client's to write.
    ["one proxy, forged entries on the left", headers("6.6.6.6, 7.7.7.7, 203.0.113.7", "10.0.0.2"), 1, "203.0.113.7"],
    ["one proxy, nothing forwarded", headers(null, "10.0.0.2"), 1, "10.0.0.2"],
    ["one proxy, blank entries", headers(" 203.0.113.7 , ", "10.0.0.2"), 1, "203.0.113.7"],
    ["two proxies (CDN, load balancer)", headers("6.6.6.6, 203.0.113.7, 192.0.2.10", "10.0.0.2"), 2, "203.0.113.7"],
    ["two proxies, fewer hops than that", headers("203.0.113.7", "10.0.0.2"), 2, "203.0.113.7"],
    ["IPv4-mapped socket address", headers(null, "::ffff:127.0.0.1"), 0, "127.0.0.1"],
    ["IPv6 socket address", headers(null, "::1"), 0, "::1"],
    ["no headers at all", undefined, 1, null],
  ])("%s", (_name, given, trustedProxies, expected) => {
    expect(clientAddress(given, trustedProxies)).toBe(expected);
  });
});
