import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppServer, SERVER_TIMEOUTS } from "@/lib/http/app-server";
import { logger } from "@/lib/log/logger";
import { serveNodeWebhook } from "@/lib/webhooks/handle-jivo-webhook";
import { seedAccount, seedIntegration } from "@/test/helpers/seed";
import { startTestServer, type TestServer } from "@/test/helpers/test-server";

// The receiver as both servers run it: the route handler (the test server, like Next) and the production server's
// direct path (serveNodeWebhook on createAppServer, like scripts/serve.ts).
const WEBHOOK = /^\/api\/webhooks\/jivo\/([^/?#]+)$/;
let routeServer: TestServer;
let directServer: Server;
let directUrl: string;
let goodToken: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const directHandler = (request: http.IncomingMessage, response: http.ServerResponse) => {
  const match = WEBHOOK.exec(request.url ?? "");
  if (!match) return void response.writeHead(404).end();
  void serveNodeWebhook(request, response, match[1]!);
};

beforeAll(async () => {
  routeServer = await startTestServer();
  directServer = createAppServer(directHandler);
  directUrl = await listen(directServer);
  const account = await seedAccount("receiver");
  goodToken = (await seedIntegration({ accountId: account.id })).token;
});

afterAll(async () => {
  await routeServer.close();
  directServer.closeAllConnections();
  await new Promise((resolve) => directServer.close(resolve));
});

/** Starts a 1 MiB upload and sends only its first KiB; resolves with the answer if one comes while the body is open. */
function openUpload(
  base: string,
  token: string,
): { answer: Promise<{ status: number; body: string }>; request: http.ClientRequest } {
  const request = http.request(`${base}/api/webhooks/jivo/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(1024 * 1024) },
  });
  request.on("error", () => {});
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body }));
      response.on("error", reject);
    });
  });
  request.write(`{"event_name":"chat_finished","pad":"${"x".repeat(1000)}`);
  return { answer, request };
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("webhook receiver: token before body", () => {
  it.each([
    ["route handler", () => routeServer.url],
    ["production direct path", () => directUrl],
  ])("%s: an unknown token is refused (404) while its body is still being sent", async (_, base) => {
    const { answer, request } = openUpload(base(), "unknownTokenunknownTokenunknownToken00");
    // The body is never finished: only an answer given before reading it can arrive.
    const { status, body } = await answer;
    request.destroy();
    expect(status).toBe(404);
    expect(JSON.parse(body)).toEqual({ result: "error", error: "Not found." });
  });
});

describe("webhook receiver: aborted uploads", () => {
  it.each([
    ["route handler", () => routeServer.url],
    ["production direct path", () => directUrl],
  ])("%s: a client that goes away mid-body is logged at debug, without an error or a stack", async (_, base) => {
    const error = vi.spyOn(logger, "error");
    const debug = vi.spyOn(logger, "debug");
    try {
      const { request } = openUpload(base(), goodToken);
      await new Promise((resolve) => setTimeout(resolve, 100));
      request.destroy();
      await until(() => debug.mock.calls.some((call) => call[1] === "webhook upload aborted by the client"));
      expect(error).not.toHaveBeenCalled();
      const [fields] = debug.mock.calls.find((call) => call[1] === "webhook upload aborted by the client")!;
      expect(JSON.stringify(fields)).not.toMatch(/stack|at .*\(/);
    } finally {
      error.mockRestore();
      debug.mockRestore();
    }
  });
});

describe("production server timeouts", () => {
  it("sets headers and request timeouts instead of Node's 5-minute default", () => {
    expect(directServer.headersTimeout).toBe(SERVER_TIMEOUTS.headersTimeoutMs);
    expect(directServer.requestTimeout).toBe(SERVER_TIMEOUTS.requestTimeoutMs);
    expect(SERVER_TIMEOUTS.requestTimeoutMs).toBeLessThan(5 * 60_000);
  });

  it("a body that trickles past the request timeout is cut with 408, and the receiver logs it as an aborted upload", async () => {
    const server = createAppServer(directHandler, {
      headersTimeoutMs: 500,
      requestTimeoutMs: 1_000,
      checkIntervalMs: 100,
    });
    const base = await listen(server);
    const debug = vi.spyOn(logger, "debug");
    try {
      const { answer, request } = openUpload(base, goodToken);
      const trickle = setInterval(() => request.write("x"), 100);
      const { status } = await answer;
      clearInterval(trickle);
      expect(status).toBe(408);
      await until(() => debug.mock.calls.some((call) => call[1] === "webhook upload aborted by the client"));
    } finally {
      debug.mockRestore();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
