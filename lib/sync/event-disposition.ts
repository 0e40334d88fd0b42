import type { JivoEvent } from "@/lib/jivo/normalize-event";
import type { IntegrationSettings } from "@/lib/integration-model/settings-schema";
import { callIgnoredReason } from "./calls";

export type Disposition =
  { status: "received"; queue: true } | { status: "ignored" | "paused"; queue: false; reason: string };

/** Decides, at receipt, whether an event is queued for the CRM, stored as ignored, or parked while paused. */
export function eventDisposition(
  event: JivoEvent,
  integration: { status: string },
  settings:
    | (Pick<IntegrationSettings, "widgetIds" | "createOnChatStart"> &
        Partial<Pick<IntegrationSettings, "recordCalls" | "behaviour">>)
    | null,
): Disposition {
  if (event.eventName === "call_event") {
    const why = callIgnoredReason(event, settings);
    if (why) return { status: "ignored", queue: false, reason: why };
  }
  const acted =
    event.eventName === "chat_finished" ||
    event.eventName === "offline_message" ||
    // Only reaches a client the integration already wrote (lib/sync/apply-client-update.ts).
    event.eventName === "client_updated" ||
    (event.eventName === "chat_accepted" && settings?.createOnChatStart === true) ||
    event.eventName === "call_event";
  if (!acted) return { status: "ignored", queue: false, reason: "event_not_handled" };
  const channels = settings?.widgetIds ?? [];
  if (channels.length > 0 && !channels.includes(event.widgetId ?? "")) {
    return { status: "ignored", queue: false, reason: "channel_not_selected" };
  }
  if (integration.status === "paused") return { status: "paused", queue: false, reason: "integration_paused" };
  return { status: "received", queue: true };
}
