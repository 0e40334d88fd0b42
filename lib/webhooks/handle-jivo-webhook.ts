import { randomUUID } from "node:crypto";
import { toAppError } from "@/lib/errors/app-error";
import { answerAgent } from "@/lib/agent-lookup/answer-agent";
import { logger } from "@/lib/log/logger";
import { readLimitedBody } from "./read-limited-body";
import { receiveJivoEvent } from "./receive-jivo-event";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

function reply(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/**
 * The webhook endpoint as JivoChat sees it: `{"result":"ok"}` once the event is stored, `{"result":"error"}`
 * with 400/404/413 otherwise. Shared by the route and by the test HTTP server.
 */
export async function handleJivoWebhook(request: Request, token: string): Promise<Response> {
  try {
    const rawBody = await readLimitedBody(request);
    const received = await receiveJivoEvent(token, rawBody);
    // chat_accepted / chat_updated: the answer can show the agent who the visitor is in Ploomes.
    return reply(200, await answerAgent(received.event, received.integration, received.settings));
  } catch (error) {
    const appError = toAppError(error);
    if (appError) return reply(appError.status, { result: "error", error: appError.message });
    const requestId = randomUUID();
    // The token is a secret: it never reaches the log.
    logger.error({ err: error, requestId }, "webhook receiver failed");
    return reply(500, { result: "error", error: `Internal error (request ${requestId}).` });
  }
}
