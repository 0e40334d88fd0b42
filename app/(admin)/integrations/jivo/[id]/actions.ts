"use server";

import { revalidatePath } from "next/cache";
import {
  activateIntegration,
  deactivateIntegration,
  discardDraft,
  pauseIntegration,
  renameIntegration,
  resumeIntegration,
  rotateWebhookToken,
} from "@/lib/integrations/lifecycle";
import { checkHealthNow } from "@/lib/integrations/health";
import { connectPloomes } from "@/lib/integrations/connect-ploomes";
import { connectSandbox } from "@/lib/integrations/connect-sandbox";
import { connectPloomesSchema, integrationNameSchema } from "@/lib/integrations/form-schemas";
import { loadPloomesOptions, saveIntegrationSettings } from "@/lib/integrations/settings";
import { runDryRun } from "@/lib/sync/dry-run/run-dry-run";
import { dryRunSourceSchema } from "@/lib/sync/dry-run/dry-run-sources";
import { runTestEvent } from "@/lib/integrations/test-event";
import { settingsStepSchema } from "@/lib/integration-model/wizard-steps";
import { z } from "zod";
import { adminAction, recordId, userAction } from "@/app/_lib/server-action";

// Every action re-checks the role on the server: a member's page has no buttons, and a forged call is refused.
// All of them act through the account-scoped db, so another account's id is "not found". The dry run is the one
// a member may call: it changes nothing, here or in Ploomes.

/** What changes an integration: the list, the wizard and the banners all read it. */
const changed = { onSuccess: () => revalidatePath("/integrations", "layout") };

export const connectPloomesAction = adminAction(
  [recordId, connectPloomesSchema],
  async ({ db }, id, input) => {
    const connection = await connectPloomes(db, id, input);
    return { apiKeyLast4: connection.apiKeyLast4, ploomesAccountName: connection.ploomesAccountName };
  },
  changed,
);

export const connectSandboxAction = adminAction(
  [recordId],
  async ({ db }, id) => {
    const connection = await connectSandbox(db, id);
    return { apiKeyLast4: connection.apiKeyLast4, ploomesAccountName: connection.ploomesAccountName };
  },
  changed,
);

// The values are checked by saveIntegrationSettings against the step's schema and the Ploomes metadata: its
// per-field issues are the ones the form shows.
export const saveSettingsAction = adminAction(
  [recordId, settingsStepSchema, z.unknown()],
  ({ db }, id, step, values) => saveIntegrationSettings(db, id, step, values),
  changed,
);

export const refreshPloomesOptionsAction = adminAction([recordId], ({ db }, id) =>
  loadPloomesOptions(db, id, { refresh: true }),
);

export const renameIntegrationAction = adminAction(
  [recordId, integrationNameSchema],
  ({ db }, id, input) => renameIntegration(db, id, input),
  changed,
);

export const activateIntegrationAction = adminAction([recordId], ({ db }, id) => activateIntegration(db, id), changed);

export const rotateWebhookTokenAction = adminAction([recordId], ({ db }, id) => rotateWebhookToken(db, id), changed);

export const pauseIntegrationAction = adminAction([recordId], ({ db }, id) => pauseIntegration(db, id), changed);

export const resumeIntegrationAction = adminAction([recordId], ({ db }, id) => resumeIntegration(db, id), changed);

export const deactivateIntegrationAction = adminAction(
  [recordId],
  ({ db }, id) => deactivateIntegration(db, id),
  changed,
);

export const discardDraftAction = adminAction([recordId], ({ db }, id) => discardDraft(db, id), changed);

export const dryRunAction = userAction([recordId, dryRunSourceSchema], ({ db }, id, source) =>
  runDryRun(db, id, source),
);

export const checkHealthAction = adminAction([recordId], ({ db }, id) => checkHealthNow(db, id), changed);

export const sendTestEventAction = adminAction([recordId], ({ db }, id) => runTestEvent(db, id), changed);
