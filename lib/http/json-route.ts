import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { toAppError } from "@/lib/errors/app-error";
import { logger, maskWebhookPath } from "@/lib/log/logger";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: AppError and zod errors become their status with a readable body; anything else is
 * logged in full with a request id and answered with a generic message carrying that id.
 */
export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      const appError = toAppError(error);
      if (appError) {
        return NextResponse.json(
          { error: { code: appError.code, message: appError.message, fields: appError.fields } },
          { status: appError.status },
        );
      }
      const requestId = randomUUID();
      const path = maskWebhookPath(new URL(request.url).pathname);
      logger.error({ err: error, requestId, method: request.method, path }, "unhandled error in route");
      return NextResponse.json(
        { error: { code: "INTERNAL", message: "Unexpected error. Quote this request id to support.", requestId } },
        { status: 500 },
      );
    }
  };
}
