const HOUR_MS = 60 * 60_000;

export type SilenceInput = {
  status: string;
  lastEventAt: Date | null;
  activatedAt: Date | null;
  silenceAlertHours: number;
};

/**
 * Whether an active integration has been quiet for longer than its alert threshold. Silence almost always means
 * JivoChat is not calling the URL (never pasted, pasted in another channel, or the URL was rotated), so it is
 * counted from the last event or, before the first one, from the activation. Paused or draft integrations are
 * quiet by design.
 */
export function isSilent(integration: SilenceInput, now = new Date()): boolean {
  if (integration.status !== "active") return false;
  const since = integration.lastEventAt ?? integration.activatedAt;
  if (!since) return false;
  return now.getTime() - since.getTime() > integration.silenceAlertHours * HOUR_MS;
}
