import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/errors/app-error";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { logger } from "@/lib/log/logger";
import { ODataQueryError } from "./odata/query";

// The HTTP pieces every sandbox request shares: where it is served, the origin a client sent it to, its JSON
// body, and answers in Ploomes' shapes.

/** Where the app serves the sandbox: the Ploomes API imitation and its test-support endpoints. */
export const SANDBOX_API_PATH = "/sandbox/ploomes/api";
export const SANDBOX_ADMIN_PATH = "/sandbox/admin";

// Ploomes' `@odata.context` names the host the request was sent to (`https://public6-api2.ploomes.com/$metadata#
// Contacts` in answers to that host). Behind Next the request's URL carries the server's bind address (0.0.0.0),
// so the origin comes from what the client wrote: its Host header, or a trusted proxy's X-Forwarded-* headers.
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstHop(value: string | null): string | null {
  return value?.split(",")[0]?.trim() || null;
}

/** `http://localhost:3000`: the scheme and host the request came to, without a trailing slash. */
export function requestOrigin(request: Request, trustedProxies: number = env.TRUST_PROXY): string {
  const url = new URL(request.url);
  const proxied = trustedProxies > 0;
  const host = [proxied ? firstHop(request.headers.get("x-forwarded-host")) : null, request.headers.get("host")].find(
    (candidate): candidate is string => !!candidate && HOST.test(candidate),
  );
  const forwardedProto = proxied ? firstHop(request.headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const protocol = forwardedProto === "http" || forwardedProto === "https" ? `${forwardedProto}:` : url.protocol;
  return `${protocol}//${host ?? url.host}`;
}

// Ploomes' own limit for a request body.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readLimitedBody(request, MAX_BODY_BYTES);
  if (text.trim() === "") throw new SandboxError(400, "The request body is empty.");
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxError(400, "The request body is not valid JSON.");
  }
}

/** An answer other than 2xx that a sandbox step decided on; the request handler turns it into a response. */
export class SandboxError extends Error {
  override readonly name = "SandboxError";

  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

// Answers in Ploomes' shapes: JSON bodies, and errors as `{"error":{"message":"…"}}`, which is what clients
// of Ploomes read first (lib/ploomes/errors.ts).

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function sandboxJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function sandboxErrorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return sandboxJson(status, { error: { message } }, headers);
}

/** Any failure of a sandbox request as Ploomes would answer it; the unexpected ones are logged, not shown. */
export function toSandboxErrorResponse(error: unknown): Response {
  if (error instanceof SandboxError) return sandboxErrorResponse(error.status, error.message, error.headers);
  if (error instanceof ODataQueryError) return sandboxErrorResponse(400, error.message);
  const appError = toAppError(error);
  if (appError) return sandboxErrorResponse(appError.status, appError.message);
  const requestId = randomUUID();
  logger.error({ err: error, requestId }, "sandbox request failed");
  return sandboxErrorResponse(500, `Unexpected error in the sandbox (request ${requestId}).`);
}
