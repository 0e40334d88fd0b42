/**
 * The key that serialises jobs: events of one chat (same integration, channel and chat) run one at a time and in
 * order. Events without a chat id only serialise with their own re-deliveries.
 */
export function chatKeyOf(event: { integrationId: string; widgetId: string | null; chatId: string | null; dedupeKey: string }): string {
  return `${event.integrationId}:${event.widgetId ?? "-"}:${event.chatId ?? event.dedupeKey}`;
}
