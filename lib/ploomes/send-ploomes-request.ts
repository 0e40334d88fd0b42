import { errorFromResponse, invalidResponseError, networkError, timeoutError } from "./errors";

// One HTTP exchange with Ploomes: headers, timeout, JSON, and every failure turned into a PloomesError.
// Pacing, validation and recording are the client's job.

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
    // Reading the body is covered by the same timeout.
    text = await response.text();
  } catch (error) {
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
