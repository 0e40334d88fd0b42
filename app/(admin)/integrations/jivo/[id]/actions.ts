"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin, requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/http/action-result";
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
import type { ConnectPloomesInput, IntegrationNameInput } from "@/lib/integrations/form-schemas";
import { loadPloomesOptions, saveIntegrationSettings } from "@/lib/integrations/settings";
import { runDryRun } from "@/lib/sync/dry-run/run-dry-run";
import { runTestEvent } from "@/lib/integrations/test-event";
import { settingsStepSchema } from "@/lib/integration-model/wizard-steps";

// Every action re-checks the role on the server: a member's page has no buttons, and a forged call is refused.
// All of them act through the account-scoped db, so another account's id is "not found". The dry run is the one
// a member may call: it changes nothing, here or in Ploomes.

function changed() {
  revalidatePath("/integrations", "layout");
}

export async function connectPloomesAction(integrationId: string, input: ConnectPloomesInput) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const connection = await connectPloomes(db, integrationId, input);
    changed();
    return { apiKeyLast4: connection.apiKeyLast4, ploomesAccountName: connection.ploomesAccountName };
  });
}

export async function connectSandboxAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const connection = await connectSandbox(db, integrationId);
    changed();
    return { apiKeyLast4: connection.apiKeyLast4, ploomesAccountName: connection.ploomesAccountName };
  });
}

export async function saveSettingsAction(integrationId: string, step: string, values: unknown) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const result = await saveIntegrationSettings(db, integrationId, settingsStepSchema.parse(step), values);
    changed();
    return result;
  });
}

export async function refreshPloomesOptionsAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    return loadPloomesOptions(db, integrationId, { refresh: true });
  });
}

export async function renameIntegrationAction(integrationId: string, input: IntegrationNameInput) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    await renameIntegration(db, integrationId, input);
    changed();
  });
}

export async function activateIntegrationAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const result = await activateIntegration(db, integrationId);
    changed();
    return result;
  });
}

export async function rotateWebhookTokenAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const result = await rotateWebhookToken(db, integrationId);
    changed();
    return result;
  });
}

export async function pauseIntegrationAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    await pauseIntegration(db, integrationId);
    changed();
  });
}

export async function resumeIntegrationAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    await resumeIntegration(db, integrationId);
    changed();
  });
}

export async function deactivateIntegrationAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    await deactivateIntegration(db, integrationId);
    changed();
  });
}

export async function discardDraftAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    await discardDraft(db, integrationId);
    changed();
  });
}

export async function dryRunAction(integrationId: string, source: unknown) {
  return runAction(async () => {
    const { db } = await requireUser();
    return runDryRun(db, integrationId, source);
  });
}

export async function checkHealthAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const findings = await checkHealthNow(db, integrationId);
    changed();
    return findings;
  });
}

export async function sendTestEventAction(integrationId: string) {
  return runAction(async () => {
    const { db } = await requireAdmin();
    const result = await runTestEvent(db, integrationId);
    changed();
    return result;
  });
}
