import type { IncomingMessage, ServerResponse } from "node:http";
import { appUrl } from "@/lib/env";
import { HSTS, PERMISSIONS_POLICY } from "@/lib/http/security-headers";
import { answerJivoWebhook, JSON_HEADERS } from "./handle-jivo-webhook";
import { readLimitedNodeBody } from "@/lib/http/read-limited-body";

/** The headers next.config.ts gives every answer, as Next would have. */
export const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
};

/** A JivoChat delivery on the production server's direct path (scripts/serve.ts), without Next's router. */
export async function serveNodeWebhook(request: IncomingMessage, response: ServerResponse, token: string): Promise<void> {
  const answer = await answerJivoWebhook(token, () => readLimitedNodeBody(request));
  if (response.destroyed) return;
  // A body left unread (refused before reading it) is discarded by Node as it arrives, not kept.
  const hsts = appUrl().startsWith("https://") ? { "Strict-Transport-Security": HSTS } : {};
  response.writeHead(answer.status, { ...JSON_HEADERS, ...BASE_HEADERS, ...hsts });
  response.end(JSON.stringify(answer.body));
}
