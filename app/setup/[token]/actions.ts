"use server";

import { z } from "zod";
import { setupSchema } from "@/lib/accounts/account-schemas";
import { publicAction } from "@/app/_lib/server-action";
import { completeSetup } from "@/lib/auth/setup-token";

/** No session yet: the setup token is the credential, checked (and spent) by completeSetup. */
export const completeSetupAction = publicAction([z.string(), setupSchema], (token, input) => completeSetup(token, input));
