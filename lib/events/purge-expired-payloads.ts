import { systemDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { parsePlan, parseWarnings } from "./describe-plan";

const DAY_MS = 24 * 60 * 60_000;

/** The plan keeps only step names, attempts and record ids: anything else (a transcript, a body) goes. */
function scrubPlan(plan: string | null): string | null {
  return plan === null ? null : JSON.stringify(parsePlan(plan));
}

/** Warnings keep what went wrong and where, not the visitor's value that caused it. */
function scrubWarnings(warnings: string | null): string | null {
  if (warnings === null) return null;
  return JSON.stringify(parseWarnings(warnings).map(({ value: _value, ...warning }) => warning));
}

/**
 * LGPD: deletes what the visitor sent — the raw payload, plus anything of it echoed in the plan or warnings — from
 * events received more than `RETENTION_DAYS` ago, in batches so one run never holds a long write lock. The summary
 * columns and the outcome (record ids behind the log's links) stay. Called periodically by the worker; returns
 * how many events it purged.
 */
export async function purgeExpiredPayloads(
  now = new Date(),
  options: { retentionDays?: number; batchSize?: number } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - (options.retentionDays ?? env.RETENTION_DAYS) * DAY_MS);
  const batchSize = options.batchSize ?? 500;
  let purged = 0;
  for (;;) {
    const batch = await systemDb.webhookEvent.findMany({
      where: {
        receivedAt: { lt: cutoff },
        purgedAt: null,
        // A job still in the queue needs its payload; the event is purged on the first run after it settles.
        OR: [{ job: null }, { job: { status: { notIn: ["queued", "running"] } } }],
      },
      select: { id: true, plan: true, warnings: true },
      take: batchSize,
    });
    if (batch.length === 0) return purged;

    const untouched: string[] = [];
    const rewritten: { id: string; plan: string | null; warnings: string | null }[] = [];
    for (const row of batch) {
      const plan = scrubPlan(row.plan);
      const warnings = scrubWarnings(row.warnings);
      if (plan === row.plan && warnings === row.warnings) untouched.push(row.id);
      else rewritten.push({ id: row.id, plan, warnings });
    }
    await systemDb.$transaction([
      systemDb.webhookEvent.updateMany({ where: { id: { in: untouched } }, data: { rawPayload: null, purgedAt: now } }),
      ...rewritten.map((row) =>
        systemDb.webhookEvent.update({
          where: { id: row.id },
          data: { rawPayload: null, purgedAt: now, plan: row.plan, warnings: row.warnings },
        }),
      ),
    ]);
    purged += batch.length;
    if (batch.length < batchSize) return purged;
  }
}
