"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/app/_lib/server-action";
import { createIntegration } from "@/lib/integrations/create-integration";

export const createIntegrationAction = adminAction([], ({ db, user }) => createIntegration(db, user.accountId), {
  onSuccess: () => revalidatePath("/integrations", "layout"),
});
