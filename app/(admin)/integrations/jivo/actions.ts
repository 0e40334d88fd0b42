"use server";

import { revalidatePath } from "next/cache";
import { createIntegration } from "@/lib/integrations/lifecycle";
import { adminAction } from "@/app/_lib/server-action";

export const createIntegrationAction = adminAction([], ({ db, user }) => createIntegration(db, user.accountId), {
  onSuccess: () => revalidatePath("/integrations", "layout"),
});
