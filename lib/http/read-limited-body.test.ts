import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toAppError } from "@/lib/errors/app-error";
import { readLimitedNodeBody } from "./read-limited-body";

// The production server's direct webhook path reads Node requests; the 413 must still reach the sender.
const LIMIT = 1_000;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    readLimitedNodeBody(request, LIMIT).then(
      (body) => response.writeHead(200).end(`read ${Buffer.byteLength(body)} bytes: ${body.slice(0, 12)}`),
      (error: unknown) => response.writeHead(toAppError(error)?.status ?? 500).end("refused"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("readLimitedNodeBody", () => {
  it("reads a body within the limit as UTF-8, multi-byte characters included", async () => {
    const body = JSON.stringify({ visitor: { name: "Conceição 😀" } });
    const response = await fetch(url, { method: "POST", body });
    expect(await response.text()).toBe(`read ${Buffer.byteLength(body)} bytes: ${body.slice(0, 12)}`);
  });

  it("answers 413 to a body that declares more than the limit", async () => {
    const response = await fetch(url, { method: "POST", body: "x".repeat(LIMIT + 1) });
    expect(response.status).toBe(413);
  });

  it("answers 413 to a streamed body that grows past the limit, without a declared length", async () => {
    const chunks = [new Uint8Array(600).fill(120), new Uint8Array(600).fill(120)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(url, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("refused");
  });
});
