import nodemailer from "nodemailer";
import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/** Attempts per message before it is given up (kept on the Alertas page as not delivered). */
export const MAX_ATTEMPTS = 6;
/** A message being sent is held this long: a sender that died mid-send lets another retry after it. */
const CLAIM_MS = 5 * 60_000;

export type DeliverOptions = { smtpUrl?: string; from?: string; now?: Date; limit?: number; timeoutMs?: number };

/** An SMTP error as the admin may read it: never the URL (its password) nor the server's whole transcript. */
function describeError(error: unknown, smtpUrl: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split(smtpUrl)
    .join("[SMTP_URL]")
    .replace(/\/\/[^@\s/]+@/g, "//***@")
    .slice(0, 500);
}

/**
 * Sends the messages waiting for e-mail through SMTP_URL, one claim each (so two workers never send one twice),
 * retrying a failed send later with a growing delay. Does nothing without SMTP: those messages live on the page.
 */
export async function deliverPendingAlerts(options: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const now = options.now ?? new Date();
  const due = await systemDb.alertMessage.findMany({
    where: { delivery: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true },
  });
  if (due.length === 0) return { sent: 0, failed: 0 };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
  } as nodemailer.TransportOptions);
  let sent = 0;
  let failed = 0;
  try {
    for (const { id } of due) {
      const claimed = await systemDb.alertMessage.updateMany({
        where: { id, delivery: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        data: { nextAttemptAt: new Date(Date.now() + CLAIM_MS), attempts: { increment: 1 } },
      });
      if (claimed.count !== 1) continue;
      const message = await systemDb.alertMessage.findUniqueOrThrow({ where: { id } });
      const to = JSON.parse(message.recipients) as string[];
      try {
        if (to.length === 0) throw new Error("a conta não tem administradores para receber o alerta");
        await transport.sendMail({
          from: options.from ?? env.ALERT_EMAIL_FROM,
          to,
          subject: message.subject,
          text: message.body,
        });
        await systemDb.alertMessage.update({
          where: { id },
          data: { delivery: "sent", sentAt: new Date(), lastError: null, nextAttemptAt: null },
        });
        sent++;
      } catch (error) {
        failed++;
        const giveUp = message.attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(Date.now() + 60_000 * 2 ** (message.attempts - 1));
        await systemDb.alertMessage.update({
          where: { id },
          data: {
            delivery: giveUp ? "failed" : "pending",
            lastError: describeError(error, smtpUrl),
            nextAttemptAt: giveUp ? null : retryAt,
          },
        });
        logger.warn(
          { messageId: id, attempts: message.attempts, err: describeError(error, smtpUrl) },
          "alert e-mail not sent",
        );
      }
    }
  } finally {
    transport.close();
  }
  return { sent, failed };
}
