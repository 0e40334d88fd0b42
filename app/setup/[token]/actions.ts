"use server";

import { setupSchema, type SetupInput } from "@/lib/auth/account-schemas";
import { completeSetup } from "@/lib/accounts/setup";
import { runAction } from "@/lib/http/action-result";

export async function completeSetupAction(token: string, input: SetupInput) {
  return runAction(async () => {
    await completeSetup(token, setupSchema.parse(input));
  });
}
