import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

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
