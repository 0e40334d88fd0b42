import { randomUUID } from "node:crypto";
import { toAppError, type AppErrorCode, type MessageParams } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode;
      /** English detail; the screens show the code (and `fields._` with `params`) in the reader's language. */
      message: string;
      fields?: Record<string, string>;
      params?: MessageParams;
      requestId?: string;
    };

/**
 * Runs a server action body: AppError/zod errors come back as data the form can show; anything else is logged
 * with a request id and reported generically. Server actions never throw at the client.
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError) {
      return {
        ok: false,
        code: appError.code,
        message: appError.message,
        fields: appError.fields,
        params: appError.params,
      };
    }
    // Next's redirect()/notFound() signal through exceptions: let them through.
    if (error && typeof error === "object" && "digest" in error && String(error.digest).startsWith("NEXT_"))
      throw error;
    const requestId = randomUUID();
    logger.error({ err: error, requestId }, "unhandled error in server action");
    return { ok: false, code: "INTERNAL", message: "Unexpected error.", requestId };
  }
}
