import type { Prisma } from "@prisma/client";
import { systemDb } from "@/lib/db/client";
import { LEASE_MS } from "./claim-next-job";

type Db = Prisma.TransactionClient;

// Every transition is conditional on the worker still holding the lease: a worker whose lease expired (and whose
// job another worker took over) cannot overwrite the newer state.
const owned = (jobId: string, workerId: string) => ({ id: jobId, lockedBy: workerId, status: "running" });

export async function extendLease(jobId: string, workerId: string): Promise<boolean> {
  const result = await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { leaseUntil: new Date(Date.now() + LEASE_MS) },
  });
  return result.count === 1;
}

// The settling transitions return whether the worker still held the job, and take the transaction the caller
// mirrors the job's fate in (the event's status), so that both are written or neither.

export async function completeJob(jobId: string, workerId: string, db: Db = systemDb): Promise<boolean> {
  const result = await db.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "done", leaseUntil: null, lockedBy: null, lastError: null },
  });
  return result.count === 1;
}

export async function scheduleRetry(
  jobId: string,
  workerId: string,
  runAt: Date,
  error: string,
  db: Db = systemDb,
): Promise<boolean> {
  const result = await db.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "queued", runAt, leaseUntil: null, lockedBy: null, lastError: error },
  });
  return result.count === 1;
}

export async function failJob(jobId: string, workerId: string, error: string, db: Db = systemDb): Promise<boolean> {
  const result = await db.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "failed", leaseUntil: null, lockedBy: null, lastError: error },
  });
  return result.count === 1;
}

/** Back to the queue without an attempt made (its identity is busy): the attempt does not count. */
export async function deferJob(jobId: string, workerId: string, runAt: Date, db: Db = systemDb): Promise<boolean> {
  const result = await db.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "queued", runAt, leaseUntil: null, lockedBy: null, attempts: { decrement: 1 } },
  });
  return result.count === 1;
}

/** On shutdown: hand the job back at once (the attempt does not count) instead of waiting for the lease. */
export async function releaseJob(jobId: string, workerId: string): Promise<void> {
  await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "queued", runAt: new Date(), leaseUntil: null, lockedBy: null, attempts: { decrement: 1 } },
  });
}
