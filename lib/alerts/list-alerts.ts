import type { ScopedDb } from "@/lib/db/scoped-db";

export const ALERTS_PAGE_SIZE = 100;

/** The account's Alertas page: incidents still open, and the latest messages to the admins (newest first). */
export async function listAlerts(db: ScopedDb) {
  const [open, messages] = await Promise.all([
    db.alertIncident.findMany({
      where: { resolvedAt: null },
      orderBy: { openedAt: "desc" },
      select: { id: true, kind: true, detail: true, openedAt: true, integration: { select: { id: true, name: true } } },
    }),
    db.alertMessage.findMany({
      orderBy: { createdAt: "desc" },
      take: ALERTS_PAGE_SIZE,
      select: {
        id: true,
        type: true,
        subject: true,
        body: true,
        recipients: true,
        delivery: true,
        attempts: true,
        sentAt: true,
        lastError: true,
        createdAt: true,
        incident: { select: { kind: true, detail: true, integration: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  return {
    open,
    messages: messages.map(({ recipients, ...message }) => ({
      ...message,
      recipients: JSON.parse(recipients) as string[],
    })),
  };
}

export type AlertsView = Awaited<ReturnType<typeof listAlerts>>;
