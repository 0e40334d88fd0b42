import { systemDb } from "@/lib/db/client";
import { purgeExpiredPayloads } from "@/lib/events/purge-expired-payloads";
import { checkIntegrationHealth } from "@/lib/integrations/check-integration-health";
import { logger } from "@/lib/log/logger";

const EVERY_MS = 10 * 60_000;
export const HEALTH_INTERVAL_MS = 30 * 60_000;

/**
 * Periodic chores of a worker process: the LGPD purge, and the health check of every active integration that
 * was not checked recently. The check is claimed through `lastHealthAt`, so with several workers each integration
 * is checked by one of them.
 */
export async function runMaintenanceOnce(now = new Date()): Promise<void> {
  const purged = await purgeExpiredPayloads(now);
  if (purged) logger.info({ purged }, "purged expired payloads");
  const due = await systemDb.integration.findMany({
    where: {
      status: "active",
      OR: [{ lastHealthAt: null }, { lastHealthAt: { lt: new Date(now.getTime() - HEALTH_INTERVAL_MS) } }],
    },
    include: { connection: true },
    take: 20,
  });
  for (const integration of due) {
    const claimed = await systemDb.integration.updateMany({
      where: { id: integration.id, lastHealthAt: integration.lastHealthAt },
      data: { lastHealthAt: now },
    });
    if (claimed.count !== 1) continue;
    const problems = await checkIntegrationHealth(integration).catch((error) => {
      logger.warn({ err: error, integrationId: integration.id }, "health check failed");
      return [];
    });
    if (problems.length) logger.warn({ integrationId: integration.id, problems: problems.map((p) => p.code) }, "integration flagged");
  }
}

export function startMaintenance(): () => void {
  const run = () => runMaintenanceOnce().catch((error) => logger.error({ err: error }, "maintenance failed"));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
