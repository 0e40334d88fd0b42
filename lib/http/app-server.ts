import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/**
 * Limits for every connection of the production server (Node's defaults let a slow client hold a request for
 * 5 minutes): the headers within HEADERS_TIMEOUT_MS, the whole request (a 1 MiB JivoChat body included) within
 * REQUEST_TIMEOUT_MS, checked every CHECK_INTERVAL_MS. Past them Node answers 408 and closes the connection.
 */
export const SERVER_TIMEOUTS = { headersTimeoutMs: 20_000, requestTimeoutMs: 60_000, checkIntervalMs: 2_000 } as const;

export function createAppServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  timeouts: { headersTimeoutMs: number; requestTimeoutMs: number; checkIntervalMs: number } = SERVER_TIMEOUTS,
): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    handler,
  );
  return server;
}
