import { useTranslations } from "next-intl";

/** "chat_finished" → "Chat finalizado"; an event name JivoChat adds later shows as sent. */
export function useEventName() {
  const t = useTranslations("events.eventNames");
  return (name: string) => (t.has(name) ? t(name) : name);
}
