// One error type for every way a Ploomes call can fail, so the job runner decides retry-or-fail from `retryable`
// alone. Nothing here ever sees the User-Key: it travels only in a request header.

export type PloomesErrorKind =
  | "network"
  | "timeout"
  | "rate_limited"
  | "server"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_response";

const RETRYABLE: Record<PloomesErrorKind, boolean> = {
  network: true,
  timeout: true,
  rate_limited: true,
  server: true,
  bad_request: false,
  unauthorized: false,
  forbidden: false,
  not_found: false,
  invalid_response: false,
};

const MAX_MESSAGE_CHARS = 500;

type PloomesErrorInit = {
  kind: PloomesErrorKind;
  method: string;
  /** Path and query as sent, e.g. `/Contacts?$top=1`. */
  path: string;
  status?: number;
  retryAfterMs?: number;
  /** What Ploomes said, or for failures without an answer, what went wrong locally. */
  ploomesMessage?: string;
};

export class PloomesError extends Error {
  override readonly name = "PloomesError";
  readonly kind: PloomesErrorKind;
  readonly retryable: boolean;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly ploomesMessage?: string;

  constructor(init: PloomesErrorInit) {
    const label = init.kind.replace("_", " ");
    const outcome =
      init.status === undefined
        ? label
        : init.kind === "invalid_response"
          ? `${label} (${init.status})`
          : String(init.status);
    const detail = init.ploomesMessage ? `: ${init.ploomesMessage}` : "";
    super(`${init.method} ${init.path} → ${outcome}${detail}`);
    this.kind = init.kind;
    this.retryable = RETRYABLE[init.kind];
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.ploomesMessage = init.ploomesMessage;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function truncateMessage(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

function kindOfStatus(status: number): PloomesErrorKind {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  if (status >= 400) return "bad_request";
  // A redirect fetch did not follow, or a 1xx: nothing a retry would fix.
  return "invalid_response";
}

/** Ploomes' errors are undocumented; clients read `error.message`, then `Message`, then the raw body. */
export function extractPloomesMessage(body: string): string | undefined {
  const trimmed = body.trim();
  if (!trimmed) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === "object") {
      const { error, Message } = parsed as { error?: { message?: unknown }; Message?: unknown };
      if (typeof error?.message === "string" && error.message) return truncateMessage(error.message);
      if (typeof Message === "string" && Message) return truncateMessage(Message);
    }
  } catch {
    // Not JSON: the raw body is the best message there is.
  }
  return truncateMessage(trimmed);
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type Call = { method: string; path: string };

export function errorFromResponse(
  call: Call,
  response: { status: number; headers: Headers; body: string },
  now = Date.now(),
): PloomesError {
  const kind = kindOfStatus(response.status);
  const retryAfter = response.headers.get("retry-after");
  return new PloomesError({
    ...call,
    kind,
    status: response.status,
    retryAfterMs: kind === "rate_limited" || kind === "server" ? parseRetryAfter(retryAfter, now) : undefined,
    ploomesMessage: extractPloomesMessage(response.body),
  });
}

export function networkError(call: Call, detail: string): PloomesError {
  return new PloomesError({ ...call, kind: "network", ploomesMessage: truncateMessage(detail) });
}

export function timeoutError(call: Call, timeoutMs: number): PloomesError {
  return new PloomesError({ ...call, kind: "timeout", ploomesMessage: `no answer within ${timeoutMs} ms` });
}

export function invalidResponseError(call: Call, status: number, detail: string): PloomesError {
  return new PloomesError({ ...call, kind: "invalid_response", status, ploomesMessage: truncateMessage(detail) });
}
