import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// The client's address for throttling: the socket's, recorded before Next sees the request, or the trusted proxy's.

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
    ...(trustedProxies > 0 && typeof forwarded === "string"
      ? forwarded
          .split(",")
          .map((hop) => hop.trim())
          .filter(Boolean)
      : []),
    typeof socket === "string" ? socket : "",
  ];
  const address = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  // The same IPv4 client must count once, whether it came as "::ffff:203.0.113.7" or as "203.0.113.7".
  return address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") : null;
}

let recording = false;

/**
 * Copies each HTTP request's connection address into a header, for the sign-in throttle. Route handlers see only
 * headers: Next.js hands them no socket, and fills X-Forwarded-For from it only when the client sent none. So this
 * runs where Node starts the request, before Next.js sees it, and overwrites whatever the client put in that header.
 */
export function recordSocketAddress(): void {
  if (recording) return;
  recording = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.remoteAddress) request.headers[SOCKET_ADDRESS_HEADER] = socket.remoteAddress;
    else delete request.headers[SOCKET_ADDRESS_HEADER];
  });
}
