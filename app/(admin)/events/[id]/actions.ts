"use server";

import { revalidatePath } from "next/cache";
import { reprocessEvent } from "@/lib/events/reprocess";
import { adminAction, recordId } from "@/app/_lib/server-action";

export const reprocessEventAction = adminAction([recordId], ({ db }, id) => reprocessEvent(db, id), {
  onSuccess: (id) => {
    revalidatePath("/events");
    revalidatePath(`/events/${id}`);
  },
});
