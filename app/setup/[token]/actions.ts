"use server";

import { setupSchema, type SetupInput } from "@/lib/accounts/account-schemas";
import { completeSetup } from "@/lib/auth/setup-token";
import { runAction } from "@/lib/http/action-result";

export async function completeSetupAction(token: string, input: SetupInput) {
  return runAction(async () => {
    await completeSetup(token, setupSchema.parse(input));
  });
}
