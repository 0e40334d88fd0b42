"use server";

import { setupSchema } from "@/lib/auth/account-schemas";
import { completeSetup } from "@/lib/accounts/setup";
import { z } from "zod";
import { publicAction } from "@/app/_lib/server-action";

/** No session yet: the setup token is the credential, checked (and spent) by completeSetup. */
export const completeSetupAction = publicAction([z.string(), setupSchema], (token, input) =>
  completeSetup(token, input),
);
