import { randomUUID } from "node:crypto";
import { toAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import { ODataQueryError } from "./odata/odata-query-error";
import { SandboxError } from "./sandbox-error";

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
