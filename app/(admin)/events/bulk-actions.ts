"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/current-user";
import { startReprocessBatch } from "@/lib/events/reprocess";
import { runAction } from "@/lib/http/action-result";

/** Starts a bulk reprocess (chosen events, or every failed one of a filter) for the admin's account. */
export async function startBulkReprocessAction(selection: unknown) {
  return runAction(async () => {
    const { db, user } = await requireAdmin();
    const batch = await startReprocessBatch(db, user.id, selection);
    revalidatePath("/events");
    return { batchId: batch.id, total: batch.total };
  });
}
