import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerAgent, recordAgentAnswer } from "@/lib/agent-lookup/answer-agent";
import { appUrl } from "@/lib/env";
import { toAppError } from "@/lib/errors/app-error";
import { readLimitedBody, readLimitedNodeBody } from "@/lib/http/read-limited-body";
import { HSTS, PERMISSIONS_POLICY } from "@/lib/http/security-headers";
import { logger } from "@/lib/log/logger";
import { findReceivingIntegration, storeJivoDelivery } from "./receive-jivo-event";

// The JivoChat webhook over HTTP: the route handler's Request and the Node server's own path to the same answer.

export const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export type WebhookAnswer = { status: number; body: object };

/**
 * The webhook endpoint as JivoChat sees it: `{"result":"ok"}` once the event is stored, `{"result":"error"}`
 * with 400/404/413 otherwise. `readBody` reads the delivery within the size limit; the HTTP side is the caller's
 * (the route handler below, and the production server's direct path, scripts/serve.ts).
 */
/** The client went away (or the connection broke) while its body was being read. */
class UploadAborted extends Error {}

async function readOrAbort(readBody: () => Promise<string>): Promise<string> {
  try {
    return await readBody();
  } catch (error) {
    if (toAppError(error)) throw error;
    throw new UploadAborted(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export async function answerJivoWebhook(token: string, readBody: () => Promise<string>): Promise<WebhookAnswer> {
  try {
    // The token first: a delivery to an unknown or rotated URL is refused before its body is read.
    const integration = await findReceivingIntegration(token);
    const received = await storeJivoDelivery(integration, await readOrAbort(readBody));
    // chat_accepted / chat_updated: the answer can show the agent who the visitor is in Ploomes; the event keeps
    // what was shown (or why nothing was) for the log.
    const lookup = await answerAgent(received.event, received.integration, received.settings);
    await recordAgentAnswer(received.eventId, lookup);
    return { status: 200, body: lookup.answer };
  } catch (error) {
    if (error instanceof UploadAborted) {
      // Routine on the internet (a client timing out, a dropped connection): nothing was stored, nobody to answer.
      logger.debug({ reason: error.message }, "webhook upload aborted by the client");
      return { status: 400, body: { result: "error", error: "The upload did not complete." } };
    }
    const appError = toAppError(error);
    if (appError) return { status: appError.status, body: { result: "error", error: appError.message } };
    const requestId = randomUUID();
    // The token is a secret: it never reaches the log.
    logger.error({ err: error, requestId }, "webhook receiver failed");
    return { status: 500, body: { result: "error", error: `Internal error (request ${requestId}).` } };
  }
}

/** POST /api/webhooks/jivo/[token] as a route handler (also used by the test HTTP server). */
export async function handleJivoWebhook(request: Request, token: string): Promise<Response> {
  const answer = await answerJivoWebhook(token, () => readLimitedBody(request));
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: JSON_HEADERS });
}

/** The headers next.config.ts gives every answer, as Next would have. */
export const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
};

/** A JivoChat delivery on the production server's direct path (scripts/serve.ts), without Next's router. */
export async function serveNodeWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  token: string,
): Promise<void> {
  const answer = await answerJivoWebhook(token, () => readLimitedNodeBody(request));
  if (response.destroyed) return;
  // A body left unread (refused before reading it) is discarded by Node as it arrives, not kept.
  const hsts = appUrl().startsWith("https://") ? { "Strict-Transport-Security": HSTS } : {};
  response.writeHead(answer.status, { ...JSON_HEADERS, ...BASE_HEADERS, ...hsts });
  response.end(JSON.stringify(answer.body));
}
