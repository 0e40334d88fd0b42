"use server";

import { revalidatePath } from "next/cache";
import { startReprocessBatch } from "@/lib/events/reprocess";
import { z } from "zod";
import { adminAction } from "@/app/_lib/server-action";

/**
 * Starts a bulk reprocess (chosen events, or every failed one of a filter) for the admin's account. The selection
 * is checked by startReprocessBatch, which refuses a malformed one with its own message.
 */
export const startBulkReprocessAction = adminAction(
  [z.unknown()],
  async ({ db, user }, selection) => {
    const batch = await startReprocessBatch(db, user.id, selection);
    return { batchId: batch.id, total: batch.total };
  },
  { onSuccess: () => revalidatePath("/events") },
);
