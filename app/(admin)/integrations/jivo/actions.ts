"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/current-user";
import { runAction } from "@/lib/http/action-result";
import { createIntegration } from "@/lib/integrations/lifecycle";

export async function createIntegrationAction() {
  return runAction(async () => {
    const { db, user } = await requireAdmin();
    const created = await createIntegration(db, user.accountId);
    revalidatePath("/integrations", "layout");
    return created;
  });
}
