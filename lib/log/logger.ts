import pino from "pino";
import { env } from "@/lib/env";

// Secrets must never reach a log line: the Ploomes key, tokens in webhook URLs, passwords, cookies.
const REDACT = [
  "apiKey",
  "*.apiKey",
  "password",
  "*.password",
  "token",
  "*.token",
  "headers.cookie",
  "headers.authorization",
  'headers["user-key"]',
  "*.headers.cookie",
  '*.headers["user-key"]',
];

export const logger = pino({
  level: env.LOG_LEVEL ?? "info",
  base: { service: "jivo-ploomes-hub" },
  redact: { paths: REDACT, censor: "[redacted]" },
});

/** Hides the webhook token in a path such as /api/webhooks/jivo/<token>. */
export function maskWebhookPath(path: string): string {
  return path.replace(/(\/api\/webhooks\/jivo\/)[^/?#]+/, "$1***");
}
