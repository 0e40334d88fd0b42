import { readCappedStream } from "@/lib/http/read-limited-body";
import { errorFromResponse, invalidResponseError, networkError, PloomesError, timeoutError } from "./errors";
import { PrivateAddressError } from "./pinned-fetch";

// One HTTP exchange with Ploomes: headers, timeout, JSON, and every failure turned into a PloomesError.
// Pacing, validation and recording are the client's job.

/** Largest answer read from Ploomes; a page of 300 records is far below it. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

class ResponseTooLarge extends Error {}

/** The body as text, refused as soon as it passes `limit` bytes (declared or streamed). */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (Number(response.headers.get("content-length") ?? "0") > limit) {
    await response.body?.cancel();
    throw new ResponseTooLarge();
  }
  return readCappedStream(response.body, limit, () => new ResponseTooLarge());
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type PloomesTransport = {
  /** Without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
};

export type PloomesExchange = {
  method: HttpMethod;
  /** Path and encoded query, e.g. `/Contacts?$top=1`. Safe to log: the key is never part of it. */
  path: string;
  body?: unknown;
};

/** Runtime messages can quote a header value back (e.g. an invalid key); the key must never leave here. */
function redact(text: string, secret: string): string {
  return secret ? text.replaceAll(secret, "[redacted]") : text;
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici wraps the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`.
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return [error.message, cause?.message, code && !cause?.message.includes(code) ? code : undefined]
    .filter(Boolean)
    .join(": ");
}

export async function sendPloomesRequest(
  transport: PloomesTransport,
  exchange: PloomesExchange,
): Promise<{ status: number; json: unknown }> {
  const call = { method: exchange.method, path: exchange.path };
  const signal = AbortSignal.timeout(transport.timeoutMs);
  let status: number;
  let text: string;
  let headers: Headers;
  try {
    const response = await transport.fetchImpl(`${transport.baseUrl}${exchange.path}`, {
      method: exchange.method,
      headers: {
        "User-Key": transport.apiKey,
        Accept: "application/json",
        ...(exchange.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: exchange.body === undefined ? undefined : JSON.stringify(exchange.body),
      signal,
      // A redirect would carry the key to wherever Ploomes (or an impostor) points; treat it as a failure.
      redirect: "manual",
    });
    status = response.status;
    headers = response.headers;
    // Reading the body is covered by the same timeout, and by a size limit.
    text = await readCapped(response, MAX_RESPONSE_BYTES);
  } catch (error) {
    if (error instanceof ResponseTooLarge) {
      throw invalidResponseError(
        call,
        status!,
        `the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; it was not read`,
      );
    }
    const refused =
      error instanceof PrivateAddressError
        ? error
        : error instanceof Error && error.cause instanceof PrivateAddressError
          ? error.cause
          : null;
    if (refused)
      throw new PloomesError({ ...call, kind: "bad_request", ploomesMessage: `refused: ${refused.message}` });
    if (signal.aborted) throw timeoutError(call, transport.timeoutMs);
    throw networkError(call, redact(describeFailure(error), transport.apiKey));
  }

  if (status >= 300 && status <= 399) {
    const location = headers.get("location") ?? "another address";
    throw invalidResponseError(call, status, `redirected to ${location}; use the final address as the base URL`);
  }
  if (status < 200 || status > 299) {
    throw errorFromResponse(call, { status, headers, body: redact(text, transport.apiKey) });
  }
  if (!text.trim()) return { status, json: undefined };
  try {
    return { status, json: JSON.parse(text) as unknown };
  } catch {
    throw invalidResponseError(call, status, "the answer is not JSON");
  }
}
