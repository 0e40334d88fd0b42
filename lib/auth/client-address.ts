/** Written on every request from the connection itself (record-socket-address.ts); a client's own copy never survives. */
export const SOCKET_ADDRESS_HEADER = "x-hub-socket-address";

/**
 * The address sign-in throttling counts failures against. X-Forwarded-For is the client's to write, so it is
 * believed only as far as `trustedProxies` (TRUST_PROXY) reaches: each proxy appends the address that connected
 * to it, so the client is the entry the outermost trusted proxy added. With none, the connection's own address.
 */
export function clientAddress(headers: Record<string, unknown> | undefined, trustedProxies: number): string | null {
  const socket = headers?.[SOCKET_ADDRESS_HEADER];
  const forwarded = headers?.["x-forwarded-for"];
  const hops = [
    ...(trustedProxies > 0 && typeof forwarded === "string" ? forwarded.split(",").map((hop) => hop.trim()).filter(Boolean) : []),
    typeof socket === "string" ? socket : "",
  ];
  const address = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  // The same IPv4 client must count once, whether it came as "::ffff:203.0.113.7" or as "203.0.113.7".
  return address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") : null;
}
