import { systemDb } from "@/lib/db/client";
import { LEASE_MS } from "./claim-next-job";

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

export async function completeJob(jobId: string, workerId: string): Promise<void> {
  await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "done", leaseUntil: null, lockedBy: null, lastError: null },
  });
}

export async function scheduleRetry(jobId: string, workerId: string, runAt: Date, error: string): Promise<void> {
  await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "queued", runAt, leaseUntil: null, lockedBy: null, lastError: error },
  });
}

export async function failJob(jobId: string, workerId: string, error: string): Promise<void> {
  await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "failed", leaseUntil: null, lockedBy: null, lastError: error },
  });
}

/** On shutdown: hand the job back at once (the attempt does not count) instead of waiting for the lease. */
export async function releaseJob(jobId: string, workerId: string): Promise<void> {
  await systemDb.job.updateMany({
    where: owned(jobId, workerId),
    data: { status: "queued", runAt: new Date(), leaseUntil: null, lockedBy: null, attempts: { decrement: 1 } },
  });
}
