import type { ScopedDb } from "@/lib/db/scoped-db";
import { AppError } from "@/lib/errors/app-error";
import { outcomeRecords, type RecordLink } from "@/lib/events/record-links";
import { parseOutcome } from "@/lib/sync/sync-outcome";
import { requireIntegration } from "./find-integration";
import { sendTestEvent } from "./send-test-event";

export type TestEventView = { eventId: string | null; httpStatus: number; status: string; statusReason: string | null; records: RecordLink[] };

/**
 * "Enviar evento de teste" for the screen: the bundled chat goes through the real URL and the worker (so it
 * creates sample records in the connected Ploomes), and its outcome comes back as the log would link it.
 */
export async function runTestEvent(db: ScopedDb, integrationId: string, options: { baseUrl?: string; waitMs?: number } = {}): Promise<TestEventView> {
  const integration = await requireIntegration(db, integrationId);
  // A paused integration would only park the chat: nothing to see in Ploomes.
  if (integration.status !== "active") {
    throw new AppError("CONFLICT", "A test event needs an active integration.", { fields: { _: "testEventNeedsActive" } });
  }
  const result = await sendTestEvent(db, integration.id, options).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "UPSTREAM") throw new AppError("UPSTREAM", error.message, { fields: { _: "testEventUnreachable" } });
    throw error;
  });
  const { outcome, ...rest } = result;
  return { ...rest, records: outcomeRecords(parseOutcome(outcome), integration.connection?.isSandbox ?? false) };
}
