import { ZodError } from "zod";

const STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UPSTREAM: 502,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof STATUS;

/** Values of a message's placeholders, e.g. `{ status: "paused" }` for "A integração está {status}…". */
export type MessageParams = Record<string, string | number>;

/**
 * An error the caller may act on; anything else is reported as a generic 500. What the reader is told is a code,
 * never a sentence: the screens translate it (messages/*.json) in the reader's language.
 * - `code`: the kind of failure (and HTTP status); each has a generic sentence.
 * - `fields`: message keys (under "validation") per form field; `fields._` is the key of the reason as a whole,
 *   e.g. "statusConflict", with `params` for its placeholders.
 * - `message`: English technical detail for logs and API clients, not shown on the screens.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string>;
  readonly params?: MessageParams;

  constructor(
    code: AppErrorCode,
    message: string,
    options?: { fields?: Record<string, string>; params?: MessageParams; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.params = options?.params;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function statusOf(code: AppErrorCode): number {
  return STATUS[code];
}

/** zod issues → `{ "path.to.field": "message" }`, the shape forms show next to each field. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", "Invalid input", { fields: zodFieldErrors(error) });
  }
  return null;
}
