import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import {
  handleSandboxAdminRequest,
  handleSandboxRequest,
  SANDBOX_ADMIN_PATH,
  SANDBOX_API_PATH,
} from "@/lib/ploomes-sandbox";
import { handleJivoWebhook } from "@/lib/webhooks/handle-jivo-webhook";

// A real HTTP server for integration tests: the same handlers as the Next routes, reached over a socket, so
// the Ploomes client and JivoChat deliveries go through fetch, headers and status codes exactly as in production.

export type TestServer = { url: string; close(): Promise<void> };

type Handler = (request: Request, rest: string[]) => Promise<Response>;

const ROUTES: { prefix: string; handle: Handler }[] = [
  { prefix: SANDBOX_API_PATH, handle: handleSandboxRequest },
  { prefix: SANDBOX_ADMIN_PATH, handle: handleSandboxAdminRequest },
  {
    prefix: "/api/webhooks/jivo",
    handle: async (request, rest) =>
      request.method === "POST" && rest.length === 1
        ? handleJivoWebhook(request, rest[0]!)
        : new Response(null, { status: 405 }),
  },
];

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function route(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const { prefix, handle } of ROUTES) {
    if (!pathname.startsWith(`${prefix}/`)) continue;
    // Next hands catch-all segments to route handlers decoded; so does this server.
    let rest: string[];
    try {
      rest = pathname
        .slice(prefix.length + 1)
        .split("/")
        .map(decodeURIComponent);
    } catch {
      return new Response("Malformed path", { status: 400 });
    }
    return handle(request, rest);
  }
  return new Response("Not found", { status: 404 });
}

async function reply(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the server on 127.0.0.1 and a free port; `url` has no trailing slash. */
export async function startTestServer(port = 0): Promise<TestServer> {
  const server = createServer((incoming, outgoing) => {
    const origin = `http://${incoming.headers.host ?? "127.0.0.1"}`;
    route(toRequest(incoming, origin))
      .catch(() => new Response("Internal error", { status: 500 }))
      .then((response) => reply(response, outgoing))
      .catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
