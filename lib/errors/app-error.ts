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

/** An error whose message may be shown to the user. Anything else is reported as a generic 500. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, options?: { fields?: Record<string, string>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
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
