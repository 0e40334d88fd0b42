import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { requireIntegration } from "@/lib/integration-model/integration";
import { revealWebhookToken, webhookUrl } from "@/lib/integration-model/webhook-token";
import { freshSample } from "@/lib/jivo/sample-payloads";
import { outcomeRecords, type RecordLink } from "@/lib/sync/record-links";
import { parseOutcome } from "@/lib/sync/sync-outcome";

// "Enviar evento de teste": the bundled chat sent through the real URL, and its outcome as the screen shows it.

const SETTLED = new Set(["done", "failed", "retrying", "ignored", "paused"]);

export type TestEventResult = {
  eventId: string | null;
  httpStatus: number;
  status: string;
  statusReason: string | null;
  outcome: string;
};

/**
 * "Enviar evento de teste": posts the bundled chat_finished sample (fresh chat id) through the integration's
 * real URL, exactly as JivoChat would, then waits a little for the worker so the outcome shows in place.
 */
export async function sendTestEvent(
  db: ScopedDb,
  integrationId: string,
  options: { waitMs?: number; baseUrl?: string } = {},
) {
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
      return {
        eventId: event.id,
        httpStatus: response.status,
        status: event.status,
        statusReason: event.statusReason,
        outcome: event.outcome,
      } satisfies TestEventResult;
    }
    if (Date.now() > deadline) {
      return {
        eventId: null,
        httpStatus: response.status,
        status: "not_stored",
        statusReason: null,
        outcome: "{}",
      } satisfies TestEventResult;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export type TestEventView = {
  eventId: string | null;
  httpStatus: number;
  status: string;
  statusReason: string | null;
  records: RecordLink[];
};

/**
 * "Enviar evento de teste" for the screen: the bundled chat goes through the real URL and the worker (so it
 * creates sample records in the connected Ploomes), and its outcome comes back as the log would link it.
 */
export async function runTestEvent(
  db: ScopedDb,
  integrationId: string,
  options: { baseUrl?: string; waitMs?: number } = {},
): Promise<TestEventView> {
  const integration = await requireIntegration(db, integrationId);
  // A paused integration would only park the chat: nothing to see in Ploomes.
  if (integration.status !== "active") {
    throw new AppError("CONFLICT", "A test event needs an active integration.", {
      fields: { _: "testEventNeedsActive" },
    });
  }
  const result = await sendTestEvent(db, integration.id, options).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "UPSTREAM")
      throw new AppError("UPSTREAM", error.message, { fields: { _: "testEventUnreachable" } });
    throw error;
  });
  const { outcome, ...rest } = result;
  return { ...rest, records: outcomeRecords(parseOutcome(outcome), integration.connection?.isSandbox ?? false) };
}
