"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/current-user";
import { reprocessEvent } from "@/lib/events/reprocess";
import { runAction } from "@/lib/http/action-result";

export async function reprocessEventAction(eventId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const id = z.string().min(1).max(64).parse(eventId);
    await reprocessEvent(db, id);
    revalidatePath("/events");
    revalidatePath(`/events/${id}`);
  });
}
