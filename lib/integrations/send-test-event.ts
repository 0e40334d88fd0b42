import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { freshSample } from "@/lib/jivo/sample-payloads";
import { requireIntegration } from "./find-integration";
import { revealWebhookToken } from "./webhook-token";
import { webhookUrl } from "./webhook-url";

const SETTLED = new Set(["done", "failed", "retrying", "ignored", "paused"]);

export type TestEventResult = { eventId: string | null; httpStatus: number; status: string; statusReason: string | null; outcome: string };

/**
 * "Enviar evento de teste": posts the bundled chat_finished sample (fresh chat id) through the integration's
 * real URL, exactly as JivoChat would, then waits a little for the worker so the outcome shows in place.
 */
export async function sendTestEvent(db: ScopedDb, integrationId: string, options: { waitMs?: number; baseUrl?: string } = {}) {
  const integration = await requireIntegration(db, integrationId);
  const full = await db.integration.findFirst({ where: { id: integration.id }, select: { tokenCipher: true } });
  const token = full && revealWebhookToken(full);
  if (!token || (integration.status !== "active" && integration.status !== "paused")) {
    throw new AppError("CONFLICT", "A test event needs an active integration.");
  }
  const payload = freshSample("chat_finished");
  const url = options.baseUrl ? `${options.baseUrl}/api/webhooks/jivo/${token}` : webhookUrl(token);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  if (!response) throw new AppError("UPSTREAM", "The webhook address did not answer: check APP_URL.");

  const chatId = String(payload.chat_id);
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  for (;;) {
    const event = await db.webhookEvent.findFirst({
      where: { integrationId: integration.id, chatId },
      select: { id: true, status: true, statusReason: true, outcome: true },
    });
    if (event && (SETTLED.has(event.status) || Date.now() > deadline)) {
      return { eventId: event.id, httpStatus: response.status, status: event.status, statusReason: event.statusReason, outcome: event.outcome } satisfies TestEventResult;
    }
    if (Date.now() > deadline) {
      return { eventId: null, httpStatus: response.status, status: "not_stored", statusReason: null, outcome: "{}" } satisfies TestEventResult;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
